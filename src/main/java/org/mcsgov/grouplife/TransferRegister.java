package org.mcsgov.grouplife;

import static org.mcsgov.platform.Rows.now;

import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.Consent;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.UserError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * group-transfer (管理施設の変更, A4, A6): the group's and its patient's originating facility change with a history row
 * (group_transfer, never rewritten); the consent recorded at the receiving facility replaces the earlier one.
 */
@Service
public class TransferRegister {

    /** Who asked, who approved, why and where to: the facts of one transfer. */
    public record Transfer(long groupId, String toFacilityId, String requestedBy, String approvedBy, String reason) {
    }

    private final JdbcClient jdbc;
    private final GroupService groups;
    private final PatientService patients;

    public TransferRegister(JdbcClient jdbc, GroupService groups, PatientService patients) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.patients = patients;
    }

    /** Moves the group (locked, still active) and its patient to the receiving facility, consent recorded again. */
    public void transfer(Transfer t, Consent consent, String recordedBy, String processInstanceId) {
        if (!groups.isActiveLocked(t.groupId())) {
            throw new UserError("グループが有効でないため、管理施設を変更できません",
                    "the group is not active and cannot be transferred");
        }
        Group group = groups.group(t.groupId()).orElseThrow();
        jdbc.sql("""
                INSERT INTO group_transfer (group_id, patient_id, from_facility_id, to_facility_id, requested_by,
                    approved_by, reason, transferred_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(group.id(), group.patientId(), group.facilityId(), t.toFacilityId(), t.requestedBy(),
                        t.approvedBy(), t.reason(), now(), processInstanceId).update();
        jdbc.sql("UPDATE patient_group SET facility_id = ? WHERE id = ?").params(t.toFacilityId(), group.id()).update();
        if (group.patientId() == null) {
            return;
        }
        try {
            jdbc.sql("UPDATE patient SET facility_id = ? WHERE id = ?").params(t.toFacilityId(), group.patientId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new UserError("受け入れる事業所に同じ患者（ふりがな・生年月日）が既に登録されています",
                    "the receiving facility already registered the same patient (kana, birth date)");
        }
        jdbc.sql("UPDATE consent SET status = 'TRANSFERRED' WHERE patient_id = ? AND status = 'GRANTED'")
                .param(group.patientId()).update();
        patients.recordConsent(group.patientId(), consent, recordedBy, processInstanceId);
        jdbc.sql("UPDATE consent SET facility_id = ? WHERE patient_id = ? AND status = 'GRANTED'")
                .params(t.toFacilityId(), group.patientId()).update();
    }
}
