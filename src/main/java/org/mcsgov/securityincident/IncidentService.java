package org.mcsgov.securityincident;

import static org.mcsgov.platform.Rows.now;

import java.util.List;
import java.util.Optional;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Incident reports, what was done about them and who was informed (N3-10, N3-11, N2-2). Written by steps only. */
@Service
public class IncidentService {

    private final JdbcClient jdbc;

    public IncidentService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long report(String facilityId, Incident.Kind kind, String description, String occurredAt, Long deviceId,
                       Long affectedStaffId, Long takeoutId, String reportedBy, String processInstanceId) {
        return Rows.insert(jdbc, """
                INSERT INTO incident (facility_id, kind, description, occurred_at, device_id, affected_staff_id,
                    takeout_id, reported_by, reported_at, state, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?)""", facilityId, kind.name(), description, occurredAt,
                deviceId, affectedStaffId, takeoutId, reportedBy, now(), processInstanceId);
    }

    public void escalated(long id) {
        jdbc.sql("UPDATE incident SET escalated_at = ? WHERE id = ?").params(now(), id).update();
    }

    public void triaged(long id, String severity, String instructions, String by) {
        jdbc.sql("""
                UPDATE incident SET state = 'TRIAGED', severity = ?, instructions = ?, triaged_by = ?, triaged_at = ?
                WHERE id = ?""").params(severity, instructions, by, now(), id).update();
    }

    public void acknowledged(long id) {
        jdbc.sql("UPDATE incident SET acknowledged_at = ? WHERE id = ?").params(now(), id).update();
    }

    public void close(long id, String summary, String by) {
        jdbc.sql("UPDATE incident SET state = 'CLOSED', summary = ?, closed_by = ?, closed_at = ? WHERE id = ?")
                .params(summary, by, now(), id).update();
    }

    public void action(long id, String action, String detail, String by, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO incident_action (incident_id, action, detail, acted_by, acted_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, action, detail, by, now(), processInstanceId).update();
    }

    /** Informs a recipient once; informing again (e.g. after more groups turned out to be concerned) updates it. */
    public void notice(long id, String recipient, String groupsConcerned, String by, String processInstanceId) {
        int updated = jdbc.sql("""
                UPDATE incident_notice SET groups_concerned = ?, informed_by = ?, informed_at = ?
                WHERE incident_id = ? AND recipient = ?""").params(groupsConcerned, by, now(), id, recipient).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO incident_notice (incident_id, recipient, groups_concerned, informed_by, informed_at,
                        process_instance_id) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, recipient, groupsConcerned, by, now(), processInstanceId).update();
        }
    }

    public Optional<Incident> incident(long id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = ?").param(id).query(RecordMapper.of(Incident.class)).optional();
    }

    /** The facility's own reports and those it was informed of (as an originating facility), newest first. */
    public List<Incident> incidentsOf(String facilityId) {
        return jdbc.sql("""
                SELECT * FROM incident i WHERE i.facility_id = ? OR EXISTS (SELECT 1 FROM incident_notice n
                    WHERE n.incident_id = i.id AND n.recipient = ?) ORDER BY i.reported_at DESC, i.id DESC""")
                .params(facilityId, facilityId).query(RecordMapper.of(Incident.class)).list();
    }

    public List<Incident.Action> actions(long id) {
        return jdbc.sql("""
                SELECT action, detail, acted_by, acted_at, process_instance_id FROM incident_action
                WHERE incident_id = ? ORDER BY acted_at, id""").param(id).query(RecordMapper.of(Incident.Action.class)).list();
    }

    public List<Incident.Notice> notices(long id) {
        return jdbc.sql("""
                SELECT recipient, groups_concerned, informed_by, informed_at FROM incident_notice
                WHERE incident_id = ? ORDER BY id""").param(id).query(RecordMapper.of(Incident.Notice.class)).list();
    }
}
