package org.mcsgov.invitation;

import static org.mcsgov.platform.Rows.now;

import java.util.List;
import java.util.Optional;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The register of invitations: one open invitation per person and group, enforced by the database. */
@Service
public class InvitationService {

    private static final String SELECT = """
            SELECT id, group_id, invitee_staff_id, invitee_email, reason, state, invited_by, approved_by, accepted_by,
                   close_reason, process_instance_id
            FROM invitation""";

    private final JdbcClient jdbc;

    public InvitationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Invitation> invitation(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(RecordMapper.of(Invitation.class)).optional();
    }

    /** Opens the invitation, or (after 差し戻し) changes what it asks for; refused if the person is invited already. */
    public long save(Long id, long groupId, Long inviteeStaffId, String inviteeEmail, String reason,
                     Invitation.State state, String invitedBy, String processInstanceId) {
        String openKey = groupId + ":" + inviteeEmail.toLowerCase();
        try {
            if (id == null) {
                return Rows.insert(jdbc, """
                        INSERT INTO invitation (group_id, invitee_staff_id, invitee_email, reason, state, invited_by,
                            created_at, process_instance_id, open_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        groupId, inviteeStaffId, inviteeEmail, reason, state.name(), invitedBy, now(),
                        processInstanceId, openKey);
            }
            jdbc.sql("""
                    UPDATE invitation SET group_id = ?, invitee_staff_id = ?, invitee_email = ?, reason = ?, state = ?,
                        open_key = ?
                    WHERE id = ?""")
                    .params(groupId, inviteeStaffId, inviteeEmail, reason, state.name(), openKey, id).update();
            return id;
        } catch (DuplicateKeyException e) {
            throw new UserError("この人は既にこのグループに招待されています（招待は1件ずつ）",
                    "this person already has an open invitation into this group");
        }
    }

    public void setState(long id, Invitation.State state) {
        jdbc.sql("UPDATE invitation SET state = ? WHERE id = ?").params(state.name(), id).update();
    }

    public void approved(long id, String approvedBy) {
        jdbc.sql("UPDATE invitation SET state = 'WAITING_INVITEE', approved_by = ? WHERE id = ?")
                .params(approvedBy, id).update();
    }

    public void accepted(long id, String acceptedBy, Invitation.State next) {
        jdbc.sql("UPDATE invitation SET state = ?, accepted_by = ? WHERE id = ?")
                .params(next.name(), acceptedBy, id).update();
    }

    public void patientApproved(long id, String note) {
        jdbc.sql("UPDATE invitation SET patient_approval = ? WHERE id = ?").params(note, id).update();
    }

    public void resolved(long id, long staffId) {
        jdbc.sql("UPDATE invitation SET invitee_staff_id = ?, state = 'WAITING_ADMIN' WHERE id = ?")
                .params(staffId, id).update();
    }

    /** Ends the invitation with its reason: never a silent end. Only an open invitation is closed. */
    public void close(long id, Invitation.State state, String reason) {
        jdbc.sql("""
                UPDATE invitation SET state = ?, close_reason = ?, closed_at = ?, open_key = NULL
                WHERE id = ? AND open_key IS NOT NULL""")
                .params(state.name(), reason, now(), id).update();
    }

    /** The open invitations into a group. */
    public List<Invitation> openInto(long groupId) {
        return jdbc.sql(SELECT + " WHERE group_id = ? AND open_key IS NOT NULL ORDER BY id").param(groupId)
                .query(RecordMapper.of(Invitation.class)).list();
    }
}
