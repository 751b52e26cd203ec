package org.mcsgov.invitation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.springframework.stereotype.Component;

/**
 * What a coordinator's request names, read from the form and checked against the register (A5-2, N1-2, N2-1): the
 * group, the invitee (registered, or an e-mail still to register), and who approves it and what they are shown (A8-4).
 */
@Component
class InvitationRequests {

    private final DirectoryService directory;
    private final GroupService groups;
    private final InviteeChecks checks;

    InvitationRequests(DirectoryService directory, GroupService groups, InviteeChecks checks) {
        this.directory = directory;
        this.groups = groups;
        this.checks = checks;
    }

    Group invitableGroup(DelegateExecution execution, Staff coordinator) {
        long groupId = Vars.id(execution, "groupId", "グループ");
        Group group = groups.group(groupId).orElseThrow(() -> new UserError(
                "グループが見つかりません: " + groupId, "no such group: " + groupId));
        if (!group.facilityId().equals(coordinator.facilityId())) {
            throw new UserError("招待できるのはグループの連携元事業所の担当者だけです（A5-2）",
                    "only the group's originating facility invites (A5-2)");
        }
        checks.requireInvitableGroup(group);
        return group;
    }

    Staff invitee(DelegateExecution execution) {
        Object selected = execution.getVariable("inviteeStaffId");
        if (selected != null && !selected.toString().isBlank()) {
            long staffId = Vars.id(execution, "inviteeStaffId", "招待する人");
            return directory.staff(staffId).orElseThrow(() -> new UserError(
                    "招待する人が見つかりません: " + staffId, "no such staff member: " + staffId));
        }
        String email = Vars.optionalText(execution, "inviteeEmail", "招待する人のメールアドレス", 200);
        if (email == null) {
            throw new UserError("招待する人を選ぶか、未登録の人のメールアドレスを入力してください",
                    "choose the invitee (inviteeStaffId) or give an unregistered person's e-mail (inviteeEmail)");
        }
        return directory.staffByEmail(email).orElse(null);
    }

    static String unregisteredEmail(DelegateExecution execution) {
        String email = Vars.text(execution, "inviteeEmail", "招待する人のメールアドレス", 200).toLowerCase();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new UserError("メールアドレスの形式が正しくありません: " + email, "invalid e-mail: " + email);
        }
        return email;
    }

    /** A8-4: the invitee's own facility's administrators decide; its manager too where it has a single one. */
    void prepareApproval(DelegateExecution execution, Group group, Staff invitee, String reason) {
        Facility facility = directory.facility(invitee.facilityId()).orElseThrow();
        List<String> approvers = new ArrayList<>(List.of(Role.MCS_ADMIN.groupId(facility.id())));
        if (directory.activeWithRole(facility.id(), Role.MCS_ADMIN).size() <= 1) {
            approvers.add(Role.MANAGER.groupId(facility.id()));
        }
        String inviterId = Facts.starter(execution);
        String inviter = directory.staffByUserId(inviterId).map(Staff::name).orElse(inviterId);
        execution.setVariable("inviteeUserId", invitee.userId());
        execution.setVariable("approvalCandidateGroups", String.join(",", approvers));
        execution.setVariable("approvalTitle", "招待の承認: " + invitee.name() + "さんを「" + group.name() + "」へ");
        execution.setVariable("approvalSummary", "グループ: " + group.name() + "\n招待される人: " + invitee.name()
                + "（" + facility.name() + "・" + invitee.profession() + "）\n招待した人: " + inviter
                + "\n参加が必要な理由: " + reason);
        execution.setVariable("mcsSubject", group.name() + " に " + invitee.name() + "（" + facility.name() + "）");
    }
}
