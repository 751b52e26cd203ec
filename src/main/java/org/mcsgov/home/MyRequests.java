package org.mcsgov.home;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.web.Visibility;
import org.mcsgov.web.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 申請一覧 (issue 15): the procedures a person started (the engine's history: the start user is the authenticated
 * person, camunda:initiator) or that are about them (an invitation whose invitee they are, from the register row the
 * procedure owns), and for a facility's manager and MCS administrator those its staff started. Who sees whose is
 * Visibility's rule for staff rows (managedOrOwn), the one the register pages use, not a rule of its own.
 */
@Component
public class MyRequests {

    /** The newest first; a person's page, not an archive (the register's lists page the rest). */
    static final int LIMIT = 50;

    /** Procedures no person asks for: a notification is started by whoever's step created a task. */
    private static final List<String> TECHNICAL = List.of("notification");

    public record Row(String processInstanceId, String businessKey, String procedure, String starterUserId,
                      String starterName, Timestamp started, Timestamp ended, String engineState) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final CurrentUser currentUser;

    public MyRequests(JdbcClient jdbc, Visibility visibility, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.currentUser = currentUser;
    }

    /** The viewer's requests; the office reads every facility's, yet here sees only its own (a home, not a list). */
    public List<Row> rows() {
        Where scope = visibility.isOffice() ? new Where().and("p.START_USER_ID_ = :viewer", "viewer", currentUser.id())
                : visibility.managedOrOwn(new Where(), "s.facility_id", "p.START_USER_ID_");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("viewer", currentUser.id());
        params.put("technical", TECHNICAL);
        params.put("limit", LIMIT);
        return jdbc.sql("""
                SELECT p.ID_, p.BUSINESS_KEY_, COALESCE(d.NAME_, d.KEY_), p.START_USER_ID_, s.name, p.START_TIME_,
                    p.END_TIME_, p.STATE_
                FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_
                LEFT JOIN staff s ON s.user_id = p.START_USER_ID_
                WHERE p.SUPER_PROCESS_INSTANCE_ID_ IS NULL AND d.KEY_ NOT IN (:technical)
                  AND ((s.id IS NOT NULL AND %s) OR p.ID_ IN (
                    SELECT i.process_instance_id FROM invitation i JOIN staff iv ON iv.id = i.invitee_staff_id
                    WHERE iv.user_id = :viewer))
                ORDER BY p.START_TIME_ DESC, p.ID_ LIMIT :limit""".formatted(scope.condition()))
                .params(params).query(MyRequests::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6), rs.getTimestamp(7), rs.getString(8));
    }
}
