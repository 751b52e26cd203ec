package org.mcsgov.invitation;

import java.util.ArrayList;
import java.util.List;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.UserError;
import org.springframework.stereotype.Component;

/**
 * Who may be invited into which group (N1-2, A9-1, N1-1, N2-1, A6): checked when the coordinator asks and again when
 * a person invited by e-mail registers, as their facility and the group may have changed in between.
 */
@Component
public class InviteeChecks {

    private final DirectoryService directory;
    private final GroupService groups;
    private final PatientService patients;
    private final PledgeRegister pledges;

    public InviteeChecks(DirectoryService directory, GroupService groups, PatientService patients,
                         PledgeRegister pledges) {
        this.directory = directory;
        this.groups = groups;
        this.patients = patients;
        this.pledges = pledges;
    }

    /** N2-1, A6: only an active group, and a patient's group only while the consent holds. */
    void requireInvitableGroup(Group group) {
        if (!group.isActive()) {
            throw new UserError("保管済みまたは有効でないグループには招待できません（N2-1）",
                    "the group is archived or not active (N2-1)");
        }
        if (group.patientId() != null && !patients.hasActiveConsent(group.patientId())) {
            throw new UserError("患者の同意が有効でないため招待できません（A6）", "the patient's consent is not active (A6)");
        }
    }

    /** N1-2, A9-1 and N1-1: who may be asked at all. */
    void requireInvitable(Group group, Staff invitee) {
        Facility facility = directory.facility(invitee.facilityId()).orElseThrow();
        List<String> problems = new ArrayList<>();
        if (!facility.usesMcs()) {
            problems.add(facility.name() + "は事業所としてMCSを利用・管理していません（N1-2）");
        }
        if (!directory.facilityActive(facility.id())) {
            problems.add(facility.name() + "は利用開始前です（事業所管理者・MCS管理者の登録待ち、N1-2）");
        }
        if (directory.activeWithRole(facility.id(), Role.MCS_ADMIN).isEmpty()) {
            problems.add(facility.name() + "に有効なMCS管理者がいません（N1-2）");
        }
        if (!invitee.isActive()) {
            problems.add(invitee.name() + "さんのアカウントは有効ではありません（状態: " + invitee.status() + "）");
        }
        if (groups.isCurrentMember(group.id(), invitee.id())) {
            problems.add(invitee.name() + "さんは既にこのグループのメンバーです");
        }
        // A9-1: where the facility keeps its pledges in the register, the invitee needs a signed one on record;
        // facilities that do not use the register yet (staff registered before it) are not refused
        if (!pledges.hasSigned(invitee.email()) && (pledges.latest(invitee.email()).isPresent()
                || pledges.facilityUsesRegister(facility.id()))) {
            problems.add(invitee.name() + "さんの誓約書（守秘の誓約）が台帳にありません（A9-1）");
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("。", problems), "the invitee cannot be invited: " + problems);
        }
    }
}
