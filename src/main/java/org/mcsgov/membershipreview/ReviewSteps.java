package org.mcsgov.membershipreview;

import static org.mcsgov.platform.Rows.now;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.group.ArchiveReason;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Lists;
import org.mcsgov.platform.ReviewProperties;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Steps of "membership-review", "membership-review-chunk" and "membership-review-group" (N1-3, N2-1): each
 * campaign asks, group by group, the group's coordinator (fixed when the campaign opens; the facility's MCS
 * administrators when the group has no active coordinator) to keep or remove every member; decisions end
 * memberships through membership-removal, and an unanswered group gets the configured default.
 */
@Component
public class ReviewSteps {

    private static final Logger log = LoggerFactory.getLogger(ReviewSteps.class);

    private final DirectoryService directory;
    private final GroupService groups;
    private final JdbcClient jdbc;
    private final ReviewChecklist checklist;
    private final ReviewDecisions decisions;
    private final Schedules schedules;
    private final ReviewProperties.Default defaultDecision;
    private final boolean applyAtOnce;
    private final boolean keepNeedsJustification;
    private final int chunkSize;

    public ReviewSteps(DirectoryService directory, GroupService groups, JdbcClient jdbc, Schedules schedules,
                       ReviewChecklist checklist, ReviewDecisions decisions, ReviewProperties settings) {
        this.directory = directory;
        this.groups = groups;
        this.jdbc = jdbc;
        this.checklist = checklist;
        this.decisions = decisions;
        this.schedules = schedules;
        this.defaultDecision = settings.defaultDecision();
        this.applyAtOnce = "AT_ONCE".equals(settings.apply());
        this.keepNeedsJustification = settings.keepNeedsJustification();
        this.chunkSize = settings.chunkSize();
    }

    /**
     * Opens the campaign: one review row per active group of the facilities using MCS (all of them, those in
     * facilityIds for the office, or the MCS administrator's own), its reviewer fixed now, numbered into chunks
     * that the fan-out opens one job at a time (a coordinator's groups in as few chunks as may be: each chunk mails
     * each of its reviewers once). One INSERT … SELECT, so opening costs the same for 10 or 10,000.
     */
    public JavaDelegate open() {
        return execution -> {
            String initiator = Facts.starter(execution);
            List<String> facilities = campaignFacilities(execution, initiator);
            Instant started = EngineClock.now();
            Date deadline = schedules.reviewDeadlineFrom(started);
            long campaignId = Rows.insert(jdbc, """
                    INSERT INTO review_campaign (facility_id, started_by, started_at, deadline, default_decision,
                        status, process_instance_id) VALUES (?, ?, ?, ?, ?, 'OPEN', ?)""",
                    facilities.size() == 1 ? facilities.get(0) : null, initiator, Timestamp.from(started),
                    new Timestamp(deadline.getTime()), defaultDecision.name(), execution.getProcessInstanceId());
            String only = facilities.isEmpty() ? "" : " AND g.facility_id IN (:facilities)";
            var insert = jdbc.sql("""
                    INSERT INTO group_review (campaign_id, group_id, facility_id, chunk_no, reviewer_user_id, status)
                    SELECT :campaign, g.id, g.facility_id,
                        (ROW_NUMBER() OVER (ORDER BY g.facility_id, g.coordinator_staff_id, g.id) - 1) / :chunkSize,
                        (SELECT s.user_id FROM staff s WHERE s.id = g.coordinator_staff_id AND s.status = 'ACTIVE'
                            AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.staff_id = s.id
                                AND r.facility_id = g.facility_id AND r.role = 'COORDINATOR' AND r.valid_to IS NULL)),
                        'OPEN'
                    FROM patient_group g JOIN facility f ON f.id = g.facility_id
                    WHERE g.status = 'ACTIVE' AND f.uses_mcs""" + only)
                    .param("campaign", campaignId).param("chunkSize", chunkSize);
            int reviews = (facilities.isEmpty() ? insert : insert.param("facilities", facilities)).update();
            execution.setProcessBusinessKey("review:" + campaignId);
            execution.setVariable("campaignId", campaignId);
            execution.setVariable("chunkCount", (reviews + chunkSize - 1) / chunkSize);
            execution.setVariable("groupCount", reviews);
            log.info("[review:{}] campaign opened by {}: {} groups in {} chunks, deadline {}", campaignId,
                    initiator == null ? "the cycle timer" : initiator, reviews, (reviews + chunkSize - 1) / chunkSize,
                    deadline.toInstant());
        };
    }

    /** The cycle's campaign: every facility using MCS, opened by nobody (the timer). */
    public JavaDelegate startCampaign() {
        return execution -> {
            String id = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey("membership-review").getId();
            log.info("[{}] membership review campaign {} started by the cycle", execution.getBusinessKey(), id);
        };
    }

    /** The reviews of one chunk (loopCounter of the campaign's fan-out) and the dates of the chunk's timers. */
    public JavaDelegate loadChunk() {
        return execution -> {
            Object campaignId = execution.getVariable("campaignId");
            List<Long> ids = jdbc.sql("SELECT id FROM group_review WHERE campaign_id = ? AND chunk_no = ? ORDER BY id")
                    .params(campaignId, execution.getVariable("chunkNo")).query(Long.class).list();
            Date[] campaign = jdbc.sql("SELECT started_at, deadline FROM review_campaign WHERE id = ?").param(campaignId)
                    .query((rs, n) -> new Date[] {rs.getTimestamp(1), rs.getTimestamp(2)}).single();
            Date started = campaign[0];
            Date deadline = campaign[1];
            execution.setProcessBusinessKey("review:" + campaignId + ":chunk:" + execution.getVariable("chunkNo"));
            execution.setVariable("reviewIds", Lists.join(ids));
            execution.setVariable("deadline", deadline);
            execution.setVariable("remindAt", new Date(started.getTime() + (deadline.getTime() - started.getTime()) / 2));
            execution.setVariable("remindBeforeAt", schedules.reviewReminderBefore(deadline));
        };
    }

    /**
     * One group's review: who reviews, the campaign's deadline, and the members from the register as
     * the checklist's options (keepIds preset to all: the reviewer unticks whom to remove).
     */
    public JavaDelegate prepare() {
        return execution -> {
            long reviewId = Vars.id(execution, "reviewId", "見直し");
            var review = jdbc.sql("""
                    SELECT r.group_id, r.reviewer_user_id, r.campaign_id, c.deadline
                    FROM group_review r JOIN review_campaign c ON c.id = r.campaign_id WHERE r.id = ?""")
                    .param(reviewId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getTimestamp(4)}).single();
            Group group = groups.group((Long) review[0]).orElseThrow();
            Date deadline = (Date) review[3];
            execution.setProcessBusinessKey("review:" + review[2] + ":group:" + group.id());
            execution.setVariable("groupId", group.id());
            // transient, as reviewGroup below: read by the gateway and the task's creation in this transaction only,
            // their evidence is the path taken and the task's candidate group in the history (issue 17: a group's
            // review writes two variables, their history and their detail less, 10,000 times a campaign)
            execution.setVariable("groupActive", Variables.booleanValue(group.isActive(), true));
            jdbc.sql("UPDATE group_review SET process_instance_id = ? WHERE id = ?")
                    .params(execution.getProcessInstanceId(), reviewId).update();
            if (!group.isActive()) {
                return;
            }
            String reviewer = (String) review[1];
            execution.setVariable("reviewer", reviewer);
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(group.facilityId()));
            execution.setVariable("reviewGroup", Variables.stringValue(reviewer == null
                    ? Role.MCS_ADMIN.groupId(group.facilityId()) : Role.COORDINATOR.groupId(group.facilityId()), true));
            execution.setVariable("deadline", deadline);
            List<Member> members = checklist.reviewable(group);
            execution.setVariable("memberOptions", Vars.options(checklist.options(members)));
            execution.setVariable("keepIds", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                    members.stream().map(m -> "\"" + m.membershipId() + "\"").toList().toString()).create());
            execution.setVariable("reviewMemberIds", Lists.join(members.stream().map(Member::membershipId).toList()));
            execution.setVariable("reviewSummary", "グループ: " + group.name() + "（メンバー " + members.size() + "人）\n期限: "
                    + LocalDate.ofInstant(deadline.toInstant(), EngineClock.ZONE)
                    + "\n残すメンバーにチェックを付けたままにし、外すメンバーのチェックを外してください。");
        };
    }

    /** The gateway after a group's review (mcs.review.apply): a property, not a variable of 10,000 instances. */
    public boolean isApplyAtOnce() {
        return applyAtOnce;
    }

    /**
     * Checks the decision against the members listed when the task opened and records it: who is kept, who is
     * removed (with the justification), who had left already; the removals go to membership-removal.
     */
    public JavaDelegate decide() {
        return execution -> {
            List<Long> listed = new Lists().split(execution.getVariable("reviewMemberIds")).stream()
                    .map(Long::valueOf).toList();
            List<Long> keep = Vars.ids(execution, "keepIds", "残すメンバー");
            if (!listed.containsAll(keep)) {
                throw new UserError("残すメンバーは一覧から選んでください", "keepIds must be members listed for review");
            }
            List<Long> remove = listed.stream().filter(id -> !keep.contains(id)).toList();
            String justification = remove.isEmpty() && !keepNeedsJustification
                    ? Vars.optionalText(execution, "justification", "判断の理由", 1000)
                    : Vars.text(execution, "justification", "判断の理由", 1000);
            boolean proposeArchive = Boolean.TRUE.equals(execution.getVariable("proposeArchive"));
            if (proposeArchive) {
                Vars.choice(execution, "archiveReason", "保管の理由", ArchiveReason.codes());
            }
            String reviewer = Vars.actor(execution, "reviewer");
            List<Long> removals = record(execution, keep, remove, false, reviewer, "DECIDED", justification);
            jdbc.sql("UPDATE group_review SET archive_proposed = ? WHERE id = ?")
                    .params(proposeArchive, Vars.id(execution, "reviewId", "見直し")).update();
            execution.setVariable("proposeArchive", proposeArchive);
            execution.setVariable("removalReason", "定期見直し（N1-3）: " + justification);
            log.info("[{}] reviewed by {}: {} kept, {} to remove{}", execution.getBusinessKey(), reviewer, keep.size(),
                    removals.size(), proposeArchive ? ", archive proposed" : "");
        };
    }

    /** No response by the deadline: the configured default, recorded as such. */
    public JavaDelegate applyDefault() {
        return execution -> {
            List<Long> listed = new Lists().split(execution.getVariable("reviewMemberIds")).stream()
                    .map(Long::valueOf).toList();
            List<Long> keep = List.of();
            List<Long> remove = List.of();
            if (defaultDecision == ReviewProperties.Default.KEEP) {
                keep = listed;
            } else if (defaultDecision == ReviewProperties.Default.REMOVE_UNCONFIRMED) {
                Set<Long> confirmed = decisions.confirmedBefore(listed);
                remove = listed.stream().filter(id -> !confirmed.contains(id)).toList();
            }
            record(execution, keep, remove, true, "system", "DEFAULT", "無回答のため既定の処理（" + defaultDecision + "）");
            execution.setVariable("proposeArchive", false);
            execution.setVariable("removalReason", "定期見直し（N1-3）: 無回答のため既定の処理");
            log.info("[{}] no response by the deadline: default {} applied", execution.getBusinessKey(), defaultDecision);
        };
    }

    /** The group went to the archive while its review was open: nothing left to decide (N2-1). */
    public JavaDelegate archivedMeanwhile() {
        return execution -> {
            jdbc.sql("UPDATE group_review SET status = 'ARCHIVED', decided_at = ? WHERE id = ?")
                    .params(now(), Vars.id(execution, "reviewId", "見直し")).update();
            log.info("[{}] group archived during its review", execution.getBusinessKey());
        };
    }

    /** N2-1: the reviewer proposes the archive; the facility's MCS administrator decides in group-archive. */
    public JavaDelegate proposeArchive() {
        return execution -> {
            long groupId = ((Number) execution.getVariable("groupId")).longValue();
            execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("group-archive",
                    "group:" + groupId, Map.of("groupId", groupId,
                            "archiveReason", execution.getVariable("archiveReason"),
                            "proposedBy", execution.getVariable("decidedBy"),
                            "initiator", execution.getVariable("decidedBy")));
            log.info("[{}] archive of group {} proposed", execution.getBusinessKey(), groupId);
        };
    }

    private List<Long> record(DelegateExecution execution, List<Long> keep, List<Long> remove, boolean byDefault,
                              String decidedBy, String status, String justification) {
        List<Long> removals = decisions.record(Vars.id(execution, "reviewId", "見直し"), keep, remove, byDefault,
                decidedBy, status, justification);
        execution.setVariable("removals", Lists.join(removals));
        execution.setVariable("decidedBy", decidedBy);
        return removals;
    }

    /** The campaign is over: every group decided, defaulted or archived. */
    public JavaDelegate close() {
        return execution -> {
            long campaignId = ((Number) execution.getVariable("campaignId")).longValue();
            jdbc.sql("UPDATE review_campaign SET status = 'CLOSED', closed_at = ? WHERE id = ?")
                    .params(now(), campaignId).update();
            log.info("[review:{}] campaign closed", campaignId);
        };
    }

    private List<String> campaignFacilities(DelegateExecution execution, String initiator) {
        if (initiator == null) {
            return new Lists().split((String) execution.getVariable("facilityIds"));
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(Role.OFFICE.groupId(null))) {
            return new Lists().split((String) execution.getVariable("facilityIds"));
        }
        // an MCS administrator reviews their own facility only
        return List.of(directory.requireActiveWithRole(initiator, Role.MCS_ADMIN).facilityId());
    }
}
