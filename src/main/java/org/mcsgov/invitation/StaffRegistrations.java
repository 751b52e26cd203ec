package org.mcsgov.invitation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.mcsgov.directory.StaffActivated;
import org.mcsgov.platform.AsSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * N1-2: an invitation waiting for a person's registration goes on when the directory activates them (message
 * "staff-registered", correlated on the invitation's own variable awaitedEmail). A plain @EventListener, not an
 * after-commit one: the correlation runs in the activation's transaction, so the register and the engine commit
 * together.
 */
@Component
public class StaffRegistrations {

    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    public StaffRegistrations(IdentityService identityService, RuntimeService runtimeService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    @EventListener
    public void on(StaffActivated staff) {
        AsSystem.call(identityService, () -> runtimeService.createMessageCorrelation("staff-registered")
                .processInstanceVariableEquals("awaitedEmail", staff.email().toLowerCase()).correlateAllWithResult());
    }
}
