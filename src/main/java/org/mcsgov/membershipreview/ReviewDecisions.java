package org.mcsgov.membershipreview;

import static org.mcsgov.platform.Rows.now;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mcsgov.group.GroupService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evidence of one group's review (N1-3): a row per listed member — kept, removed, or already left — and the
 * review's outcome; rows are only added, never rewritten.
 */
@Component
class ReviewDecisions {

    private final GroupService groups;
    private final JdbcClient jdbc;

    ReviewDecisions(GroupService groups, JdbcClient jdbc) {
        this.groups = groups;
        this.jdbc = jdbc;
    }

    /** Records the decision and returns the memberships still current that are to be removed. */
    List<Long> record(long reviewId, List<Long> keep, List<Long> remove, boolean byDefault, String decidedBy,
                      String status, String justification) {
        Timestamp at = now();
        List<Long> removals = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (long id : keep) {
            rows.add(new Object[] {reviewId, id, current(id) ? "KEEP" : "LEFT", byDefault, decidedBy, at});
        }
        for (long id : remove) {
            boolean current = current(id);
            rows.add(new Object[] {reviewId, id, current ? "REMOVE" : "LEFT", byDefault, decidedBy, at});
            if (current) {
                removals.add(id);
            }
        }
        rows.forEach(row -> jdbc.sql("""
                INSERT INTO review_decision (review_id, membership_id, decision, by_default, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(row).update());
        jdbc.sql("""
                UPDATE group_review SET status = ?, decided_by = ?, decided_at = ?, justification = ? WHERE id = ?""")
                .params(status, decidedBy, at, justification, reviewId).update();
        return removals;
    }

    /** Memberships a person confirmed in an earlier review (a default does not count). */
    Set<Long> confirmedBefore(List<Long> membershipIds) {
        return membershipIds.isEmpty() ? Set.of() : new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT membership_id FROM review_decision
                WHERE membership_id IN (:ids) AND decision = 'KEEP' AND NOT by_default""")
                .param("ids", membershipIds).query(Long.class).list());
    }

    private boolean current(long membershipId) {
        return groups.membership(membershipId).map(m -> m.validTo() == null).orElse(false);
    }
}
