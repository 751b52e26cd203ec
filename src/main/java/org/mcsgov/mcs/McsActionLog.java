package org.mcsgov.mcs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of changes asked in MCS (table mcs_action, V10): when each was decided, due, reminded, escalated,
 * told to the office and closed, by whom, so that the revocation times are a query (N1-3, N2-2, N3-7, N3-8).
 */
@Component
public class McsActionLog {

    public enum Outcome { DONE, NOT_DONE, REPLACED }

    private final JdbcClient jdbc;

    public McsActionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void requested(String processInstanceId, String businessKey, McsAction action, String subject,
                          String facilityId, Instant decidedAt, Instant dueAt) {
        jdbc.sql("""
                INSERT INTO mcs_action (process_instance_id, business_key, action, revocation, subject, facility_id,
                                        decided_at, requested_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(processInstanceId, businessKey, action.name(), action.revocation(), subject, facilityId,
                        Timestamp.from(decidedAt), Rows.now(), Timestamp.from(dueAt))
                .update();
    }

    /** The moment of the reminder, the escalation or the office's notice: column is one of the three. */
    public void mark(String processInstanceId, String column) {
        if (!column.equals("reminded_at") && !column.equals("escalated_at") && !column.equals("office_notified_at")) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE mcs_action SET " + column + " = ? WHERE process_instance_id = ?")
                .params(Rows.now(), processInstanceId).update();
    }

    public void closed(String processInstanceId, Outcome outcome, String by) {
        Instant now = EngineClock.now();
        Timestamp decided = jdbc.sql("SELECT decided_at FROM mcs_action WHERE process_instance_id = ?")
                .param(processInstanceId).query(Timestamp.class).optional().orElse(null);
        if (decided == null) {
            return; // an instance started before V10: nothing recorded to close
        }
        jdbc.sql("""
                UPDATE mcs_action SET closed_at = ?, closed_by = ?, outcome = ?, elapsed_seconds = ?
                WHERE process_instance_id = ? AND closed_at IS NULL""")
                .params(Timestamp.from(now), by, outcome.name(),
                        Duration.between(decided.toInstant(), now).toSeconds(), processInstanceId)
                .update();
    }

    /** 退会 not confirmed in time: its open row is replaced by the スタッフ解除 asked instead (staff-offboarding). */
    public void replaced(String businessKey, McsAction action, String by) {
        jdbc.sql("SELECT process_instance_id FROM mcs_action WHERE business_key = ? AND action = ? AND closed_at IS NULL")
                .params(businessKey, action.name()).query(String.class).list()
                .forEach(instance -> closed(instance, Outcome.REPLACED, by));
    }

    /** Revocations open past their due date now (the Prometheus gauge mcs.revocations.overdue). */
    public long overdueRevocations() {
        return jdbc.sql("SELECT COUNT(*) FROM mcs_action WHERE revocation AND closed_at IS NULL AND due_at < ?")
                .param(Rows.now()).query(Long.class).single();
    }
}
