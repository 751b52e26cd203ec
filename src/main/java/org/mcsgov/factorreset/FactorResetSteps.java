package org.mcsgov.factorreset;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.security.factor.SecondFactors;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "second-factor-reset" (A11-3, a lost device): the facility's MCS administrator removes a person's second
 * factor with a reason; the person enrols again at their next login where the factor is required. The people offered
 * are the facility's own enrolled staff (never the administrator themself: another administrator resets theirs).
 */
@Component
public class FactorResetSteps {

    private static final Logger log = LoggerFactory.getLogger(FactorResetSteps.class);

    private final DirectoryService directory;
    private final SecondFactors factors;
    private final AuditLog audit;

    public FactorResetSteps(DirectoryService directory, SecondFactors factors, AuditLog audit) {
        this.directory = directory;
        this.factors = factors;
        this.audit = audit;
    }

    public JavaDelegate loadOptions() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(admin.facilityId()));
            execution.setVariable("staffOptions", Vars.options(directory.activeWithRole(admin.facilityId(), Role.STAFF)
                    .stream().filter(s -> s.id() != admin.id() && factors.enrolled(s.userId()))
                    .map(s -> new Vars.Option(s.name() + "（" + s.userId() + "）", String.valueOf(s.id()))).toList()));
        };
    }

    /**
     * A11-3: the acting administrator (authenticated user) holds the MCS administrator role of the person's facility
     * in the register now; the person is active, not the administrator, and has a factor; the reason is recorded.
     */
    public JavaDelegate reset() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            long staffId = Vars.id(execution, "staffId", "リセットする職員");
            Staff person = directory.staff(staffId).filter(Staff::isActive)
                    .filter(s -> s.facilityId().equals(admin.facilityId()) && s.id() != admin.id())
                    .orElseThrow(() -> new UserError("リセットできるのは自施設の有効な職員（本人以外）だけです: " + staffId,
                            "only an active staff member of your own facility, not yourself: " + staffId));
            String reason = Vars.text(execution, "resetReason", "リセットの理由", 1000);
            if (!factors.reset(person.userId())) {
                throw new UserError("この職員は二要素認証を登録していません", "this person has no second factor");
            }
            execution.setProcessBusinessKey("factor-reset:" + person.userId() + ":" + EngineClock.today());
            execution.setVariable("resetUserId", person.userId());
            execution.setVariable("resetBy", admin.userId());
            execution.removeVariable("staffOptions");   // the facility's list is no business of the history
            audit.step(admin.userId(), execution.getProcessInstanceId(),
                    "second factor of " + person.userId() + " reset: " + reason);
            log.info("[{}] second factor of {} reset by {}", execution.getBusinessKey(), person.userId(),
                    admin.userId());
        };
    }
}
