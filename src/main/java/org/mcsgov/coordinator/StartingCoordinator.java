package org.mcsgov.coordinator;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.StepValues;

/**
 * The first step of the coordinator's procedures (group-invitation, patient-consent, consent-withdrawal, the group
 * creations): the person who started the process must be an active coordinator (A5-1). A step helper, not the
 * directory's: the register takes values and never sees an execution.
 */
public final class StartingCoordinator {

    private StartingCoordinator() {
    }

    /** Refused unless active with that role; their facility and coordinator group become facilityId, coordinatorGroup. */
    public static Staff of(DirectoryService directory, DelegateExecution execution) {
        Staff coordinator = directory.requireActiveWithRole(Facts.starter(execution), Role.COORDINATOR);
        // checked again at later steps: the same facility is not written again
        StepValues.setIfChanged(execution, "facilityId", coordinator.facilityId());
        StepValues.setIfChanged(execution, "coordinatorGroup", Role.COORDINATOR.groupId(coordinator.facilityId()));
        return coordinator;
    }
}
