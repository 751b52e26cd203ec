package org.mcsgov.invitation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.springframework.stereotype.Component;

/**
 * Who may complete the invitation's later tasks, checked in the register at completion (DESIGN.md §5): holding the
 * task (an assignee changed to someone else) is not enough. The invitation's row names the invitee and the group,
 * so no variable a person sent decides it.
 */
@Component
class InvitationActors {

    private final DirectoryService directory;
    private final GroupService groups;

    InvitationActors(DirectoryService directory, GroupService groups) {
        this.directory = directory;
        this.groups = groups;
    }

    /** N3-2: only the invitee judges their own invitation. */
    String invitee(DelegateExecution execution, Invitation invitation) {
        String actor = Facts.actor(execution);
        Staff invitee = directory.staff(invitation.inviteeStaffId()).orElseThrow();
        if (!invitee.userId().equals(actor)) {
            throw new UserError("参加を判断できるのは招待された本人だけです: " + actor,
                    "only the invitee decides whether to take part: " + actor);
        }
        return actor;
    }

    /** A6, A5-2: the patient's approval is recorded by an active coordinator of the group's originating facility. */
    String originCoordinator(DelegateExecution execution, Invitation invitation) {
        Staff coordinator = directory.requireActiveWithRole(Facts.actor(execution), Role.COORDINATOR);
        if (!coordinator.facilityId().equals(groups.group(invitation.groupId()).orElseThrow().facilityId())) {
            throw new UserError("患者本人の承認を記録できるのは、グループの連携元事業所の担当者だけです（A5-2）",
                    "only a coordinator of the group's originating facility records the patient's approval (A5-2)");
        }
        return coordinator.userId();
    }
}
