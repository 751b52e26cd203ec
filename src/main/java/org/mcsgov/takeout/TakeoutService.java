package org.mcsgov.takeout;

import static org.mcsgov.platform.Rows.now;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.takeout.Takeout.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The take-out requests of the register (A12-9). Written by the steps of device-takeout only. */
@Service
public class TakeoutService {

    private static final String SELECT = """
            SELECT t.id, t.facility_id, t.applicant_staff_id, s.user_id AS applicant_user_id, t.device_id, t.content,
                   t.purpose, t.destination, t.from_date, t.to_date, t.state, t.approved_by, t.close_reason,
                   t.return_condition, t.confirmed_by, t.requested_at, t.closed_at, t.process_instance_id
            FROM takeout t JOIN staff s ON s.id = t.applicant_staff_id
            """;

    private final JdbcClient jdbc;

    public TakeoutService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The request as (re)submitted: a new row, or the returned one corrected in the same instance. */
    public long save(Long id, String facilityId, long applicantStaffId, long deviceId, String content, String purpose,
                     String destination, LocalDate from, LocalDate to, String processInstanceId) {
        if (id == null) {
            return Rows.insert(jdbc, """
                    INSERT INTO takeout (facility_id, applicant_staff_id, device_id, content, purpose, destination,
                        from_date, to_date, state, requested_at, process_instance_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", facilityId, applicantStaffId, deviceId, content, purpose,
                    destination, from, to, State.REQUESTED.name(), now(), processInstanceId);
        }
        jdbc.sql("""
                UPDATE takeout SET device_id = ?, content = ?, purpose = ?, destination = ?, from_date = ?, to_date = ?,
                    state = ? WHERE id = ?""")
                .params(deviceId, content, purpose, destination, from, to, State.REQUESTED.name(), id).update();
        return id;
    }

    public void setState(long id, State state) {
        jdbc.sql("UPDATE takeout SET state = ? WHERE id = ?").params(state.name(), id).update();
    }

    public void approved(long id, String by) {
        jdbc.sql("UPDATE takeout SET state = ?, approved_by = ? WHERE id = ?").params(State.APPROVED.name(), by, id)
                .update();
    }

    /** Ends the request: not approved (with the reason), or back / lost (with the condition and who confirmed it). */
    public void close(long id, State state, String reason, String condition, String confirmedBy) {
        jdbc.sql("""
                UPDATE takeout SET state = ?, close_reason = ?, return_condition = ?, confirmed_by = ?, closed_at = ?
                WHERE id = ?""").params(state.name(), reason, condition, confirmedBy, now(), id).update();
    }

    public Optional<Takeout> takeout(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(RecordMapper.of(Takeout.class)).optional();
    }

    public List<Takeout> takeoutsOf(String facilityId) {
        return jdbc.sql(SELECT + " WHERE t.facility_id = ? ORDER BY t.requested_at DESC, t.id DESC").param(facilityId)
                .query(RecordMapper.of(Takeout.class)).list();
    }
}
