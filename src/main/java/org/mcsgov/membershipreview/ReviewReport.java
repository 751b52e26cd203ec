package org.mcsgov.membershipreview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.RecordMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read views of the membership reviews (N1-3): a campaign's report and the history across campaigns. */
@Service
public class ReviewReport {

    /** A campaign as it was opened, and where it stands. */
    public record Campaign(long id, String facilityId, String startedBy, OffsetDateTime startedAt,
                           OffsetDateTime deadline, String defaultDecision, String status, OffsetDateTime closedAt,
                           String processInstanceId) {
    }

    /** One group's review: who reviewed (or was to), the outcome and its counts. */
    public record GroupReview(long reviewId, long groupId, String groupName, String facilityId, String reviewer,
                              String status, String decidedBy, OffsetDateTime decidedAt, String justification,
                              boolean archiveProposed, int kept, int removed, int left, String processInstanceId) {
    }

    /** Totals: groups by status (OPEN ones are still undecided) and members by decision. */
    public record Totals(int groups, int open, int decided, int defaulted, int archived, int kept, int removed,
                         int left) {
    }

    /** 突合 (N1-3): per originating facility, people found in MCS but not in the register, and what became of them. */
    public record Differences(String facilityId, long found, long removedInMcs, long lateRegistrations) {
    }

    public record CampaignReport(Campaign campaign, Totals totals, List<GroupReview> groups,
                                 List<Differences> differences) {
    }

    /** One member's decision in one review, for the history across campaigns. */
    public record Decision(long campaignId, long groupId, String groupName, String facilityId, String userId,
                           String memberName, String memberFacilityId, String decision, boolean byDefault,
                           String decidedBy, OffsetDateTime decidedAt, String justification) {
    }

    private final JdbcClient jdbc;

    public ReviewReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CampaignReport> campaign(long id) {
        return jdbc.sql("""
                SELECT id, facility_id, started_by, started_at, deadline, default_decision, status, closed_at,
                    process_instance_id FROM review_campaign WHERE id = ?""").param(id).query(RecordMapper.of(Campaign.class)).optional()
                .map(campaign -> {
                    List<GroupReview> groups = jdbc.sql("""
                            SELECT r.id AS review_id, r.group_id, g.name AS group_name, r.facility_id,
                                r.reviewer_user_id AS reviewer, r.status, r.decided_by, r.decided_at, r.justification,
                                r.archive_proposed,
                                (SELECT COUNT(*) FROM review_decision d WHERE d.review_id = r.id AND d.decision = 'KEEP') AS kept,
                                (SELECT COUNT(*) FROM review_decision d WHERE d.review_id = r.id AND d.decision = 'REMOVE') AS removed,
                                (SELECT COUNT(*) FROM review_decision d WHERE d.review_id = r.id AND d.decision = 'LEFT') AS "left",
                                r.process_instance_id
                            FROM group_review r JOIN patient_group g ON g.id = r.group_id
                            WHERE r.campaign_id = ? ORDER BY r.facility_id, g.name, r.id""")
                            .param(id).query(RecordMapper.of(GroupReview.class)).list();
                    return new CampaignReport(campaign, totals(groups), groups, differences(id));
                });
    }

    /** Decisions of every campaign, newest first, filtered by day (Asia/Tokyo), facility and decision. */
    public List<Decision> history(LocalDate from, LocalDate to, String facilityId, String decision) {
        return jdbc.sql("""
                SELECT r.campaign_id, r.group_id, g.name AS group_name, r.facility_id, s.user_id, s.name AS member_name,
                    s.facility_id AS member_facility_id, d.decision, d.by_default, d.decided_by, d.decided_at,
                    r.justification
                FROM review_decision d JOIN group_review r ON r.id = d.review_id
                    JOIN patient_group g ON g.id = r.group_id JOIN membership m ON m.id = d.membership_id
                    JOIN staff s ON s.id = m.staff_id
                WHERE d.decided_at >= :from AND d.decided_at < :to
                    AND (CAST(:facility AS VARCHAR(32)) IS NULL OR r.facility_id = :facility)
                    AND (CAST(:decision AS VARCHAR(16)) IS NULL OR d.decision = :decision)
                ORDER BY d.decided_at DESC, d.id DESC""")
                .param("from", (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
                .param("to", (to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
                .param("facility", facilityId).param("decision", decision)
                .query(RecordMapper.of(Decision.class)).list();
    }

    public List<Differences> differences(long campaignId) {
        return jdbc.sql("""
                SELECT facility_id, COUNT(*) AS found,
                    COUNT(CASE WHEN resolution = 'REMOVE_IN_MCS' THEN 1 END) AS removed_in_mcs,
                    COUNT(CASE WHEN resolution = 'LATE_REGISTRATION' THEN 1 END) AS late_registrations
                FROM review_difference WHERE campaign_id = ? GROUP BY facility_id ORDER BY facility_id""")
                .param(campaignId).query(RecordMapper.of(Differences.class)).list();
    }

    private static Totals totals(List<GroupReview> groups) {
        return new Totals(groups.size(), count(groups, "OPEN"), count(groups, "DECIDED"), count(groups, "DEFAULT"),
                count(groups, "ARCHIVED"), groups.stream().mapToInt(GroupReview::kept).sum(),
                groups.stream().mapToInt(GroupReview::removed).sum(), groups.stream().mapToInt(GroupReview::left).sum());
    }

    private static int count(List<GroupReview> groups, String status) {
        return (int) groups.stream().filter(g -> status.equals(g.status())).count();
    }
}
