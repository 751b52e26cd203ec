package org.mcsgov.directory;

import static org.mcsgov.platform.Rows.now;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mcsgov.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The manager and MCS administrators an enrolled facility's application names (A7). staff-onboarding reads the person
 * to register from here, so what the office typed into the application is what gets registered, and nothing else.
 */
@Service
public class Appointees {

    /** A named person; staffId once their registration exists. */
    public record Appointee(long id, String facilityId, Set<Role> roles, String userId, String name, String kana,
                            String profession, String email, Long staffId) {
    }

    private final JdbcClient jdbc;

    public Appointees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The application's people now: a person named again keeps their row if registered already (their roles change
     * through role-change) or unchanged; anyone else is marked replaced (kept as history) and named anew.
     */
    public void name(String facilityId, List<Appointee> named, String by, String processInstanceId) {
        List<Appointee> kept = new java.util.ArrayList<>();
        for (Appointee old : current(facilityId)) {
            boolean registered = old.staffId() != null && jdbc.sql(
                    "SELECT COUNT(*) FROM staff WHERE id = ? AND status <> 'CLOSED'").param(old.staffId())
                    .query(Long.class).single() > 0;
            if (named.stream().anyMatch(n -> n.userId().equals(old.userId()) && (registered || sameData(n, old)))) {
                kept.add(old);
            } else {
                jdbc.sql("UPDATE facility_appointee SET replaced_at = ? WHERE id = ?").params(now(), old.id()).update();
            }
        }
        for (Appointee a : named) {
            if (kept.stream().noneMatch(c -> c.userId().equals(a.userId()))) {
                Rows.insert(jdbc, """
                        INSERT INTO facility_appointee (facility_id, roles, user_id, name, kana, profession, email,
                            recorded_at, recorded_by, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        facilityId, a.roles().stream().map(Role::name).collect(Collectors.joining(",")), a.userId(),
                        a.name(), a.kana(), a.profession(), a.email(), now(), by, processInstanceId);
            }
        }
    }

    private static boolean sameData(Appointee a, Appointee b) {
        return a.roles().equals(b.roles()) && a.name().equals(b.name()) && a.kana().equals(b.kana())
                && a.profession().equals(b.profession()) && a.email().equals(b.email());
    }

    public List<Appointee> current(String facilityId) {
        return jdbc.sql(SELECT + " WHERE facility_id = ? AND replaced_at IS NULL ORDER BY id").param(facilityId)
                .query((rs, n) -> row(rs)).list();
    }

    /** Those still to register: no entry yet, or one that ended without an account (pledge refused, expired). */
    public List<Long> toRegister(String facilityId) {
        return jdbc.sql("""
                SELECT a.id FROM facility_appointee a LEFT JOIN staff s ON s.id = a.staff_id
                WHERE a.facility_id = ? AND a.replaced_at IS NULL AND (s.id IS NULL OR s.status = 'CLOSED')
                ORDER BY a.id""").param(facilityId).query(Long.class).list();
    }

    public Optional<Appointee> appointee(long id) {
        return jdbc.sql(SELECT + " WHERE id = ? AND replaced_at IS NULL").param(id).query((rs, n) -> row(rs))
                .optional();
    }

    public void registered(long appointeeId, long staffId) {
        jdbc.sql("UPDATE facility_appointee SET staff_id = ? WHERE id = ?").params(staffId, appointeeId).update();
    }

    private static Appointee row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString(3).split(",")).map(Role::valueOf).forEach(roles::add);
        long staffId = rs.getLong(9);
        return new Appointee(rs.getLong(1), rs.getString(2), roles, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.wasNull() ? null : staffId);
    }

    private static final String SELECT = """
            SELECT id, facility_id, roles, user_id, name, kana, profession, email, staff_id FROM facility_appointee""";
}
