package org.mcsgov.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit log (A8-1, A8-3): append-only, so this service only inserts and reads; nothing in the application
 * updates or deletes a row.
 */
@Service
public class AuditLog {

    /** What a row records: a login, a failed one, a logout (A11-4), a read or a change. */
    public enum Event { LOGIN, LOGIN_FAILED, LOGOUT, READ, CHANGE }

    /** Request attribute: the person a request was authenticated as, set where the authentication happened. */
    public static final String USER = "mcs.audit.user";
    /** Request attribute: why a request was refused or what it did, where the status alone does not say. */
    public static final String DETAIL = "mcs.audit.detail";
    /** Request attribute: the event, where the page that handled it knows better than the status (second factor). */
    public static final String EVENT = "mcs.audit.event";

    public record Entry(long id, OffsetDateTime at, String event, String userId, String method, String path, int status,
                        String processInstanceId, String remoteAddress, String detail) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Event event, String userId, String method, String path, int status, String processInstanceId,
                String remoteAddress, String detail) {
        jdbc.sql("""
                INSERT INTO audit_log (at, event, user_id, method, path, status, process_instance_id, remote_address,
                                       detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Rows.now(), event.name(), cut(userId, 255), method, cut(path, 2000), status,
                        processInstanceId, cut(remoteAddress, 100), cut(detail, 1000))
                .update();
    }

    /** An administrative command run outside HTTP (AdminCommand): a change by the person at the server. */
    public void command(String commandLine, String detail) {
        record(Event.CHANGE, "(command line)", "CLI", commandLine, 0, null, null, detail);
    }

    /** A step of a procedure that changed an account (a second factor reset): by the person who completed it. */
    public void step(String userId, String processInstanceId, String detail) {
        record(Event.CHANGE, userId, "PROCESS", "engine", 0, processInstanceId, null, detail);
    }

    /** The rows of the days from..to (inclusive, in Japan time), oldest first. */
    public List<Entry> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, at, event, user_id, method, path, status, process_instance_id, remote_address, detail
                FROM audit_log WHERE at >= ? AND at < ? ORDER BY id""")
                .params(Timestamp.from(from.atStartOfDay(EngineClock.ZONE).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant()))
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("event"), rs.getString("user_id"), rs.getString("method"), rs.getString("path"),
                        rs.getInt("status"), rs.getString("process_instance_id"), rs.getString("remote_address"),
                        rs.getString("detail")))
                .list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
