package org.mcsgov.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whom QuarterBenchmark's people act on, read from the register as a person would see it on the register pages:
 * a group and someone to invite into it, a membership to end, someone who leaves. Seeded, so two runs of the same
 * size do the same.
 */
final class QuarterPicks {

    record Pick(long id, String userId) {
    }

    record Leaver(String userId, String facilityId) {
    }

    private final JdbcTemplate jdbc;
    private final Random random = new Random(17);
    private final Set<Long> removing = new HashSet<>();

    QuarterPicks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An active patient group and its coordinator. */
    Pick group() {
        return any(jdbc.query("""
                SELECT g.id, s.user_id FROM patient_group g JOIN staff s ON s.id = g.coordinator_staff_id
                WHERE g.status = 'ACTIVE' AND g.kind = 'PATIENT' ORDER BY g.id""",
                (rs, n) -> new Pick(rs.getLong(1), rs.getString(2))));
    }

    /** An active person of a partner facility, neither a member of the group nor invited into it; null if none. */
    Pick invitee(long groupId) {
        return any(jdbc.query("""
                SELECT s.id, s.user_id FROM staff s JOIN facility f ON f.id = s.facility_id
                WHERE s.status = 'ACTIVE' AND f.kind <> 'CLINIC'
                  AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.group_id = ? AND m.staff_id = s.id
                                  AND m.valid_to IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.group_id = ? AND i.invitee_staff_id = s.id
                                  AND i.closed_at IS NULL)
                ORDER BY s.id""", (rs, n) -> new Pick(rs.getLong(1), rs.getString(2)), groupId, groupId));
    }

    /** An open membership (not a coordinator's) and the group's coordinator, who removes it; null if none. */
    Pick membershipToEnd() {
        List<Pick> open = jdbc.query("""
                SELECT m.id, s.user_id FROM membership m JOIN patient_group g ON g.id = m.group_id
                JOIN staff s ON s.id = g.coordinator_staff_id
                WHERE m.valid_to IS NULL AND m.role = 'MEMBER' AND g.status = 'ACTIVE' ORDER BY m.id""",
                (rs, n) -> new Pick(rs.getLong(1), rs.getString(2))).stream()
                .filter(p -> !removing.contains(p.id())).toList();
        Pick pick = any(open);
        if (pick != null) {
            removing.add(pick.id());
        }
        return pick;
    }

    /** An active person without any role (a coordinator would wait for a handover) and their facility. */
    Leaver leaver() {
        return any(jdbc.query("""
                SELECT s.user_id, s.facility_id FROM staff s WHERE s.status = 'ACTIVE'
                  AND NOT EXISTS (SELECT 1 FROM role_assignment r WHERE r.staff_id = s.id AND r.valid_to IS NULL
                                  AND r.role <> 'STAFF')
                ORDER BY s.id""", (rs, n) -> new Leaver(rs.getString(1), rs.getString(2))));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private <T> T any(List<T> list) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }
}
