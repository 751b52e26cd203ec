package org.mcsgov.membershipreview;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.Role;
import org.mcsgov.notification.Kind;
import org.mcsgov.notification.Notifications;
import org.mcsgov.platform.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a review campaign tells its reviewers (N1-3), chunk by chunk: one request per reviewer with the number of
 * groups, and the chunk's reminders and escalations in one mail per person for all their undecided groups. The
 * review tasks themselves are not announced one by one (notification=digest in membership-review-group): a
 * coordinator with 100 groups gets one mail, not 100.
 */
@Component("reviewNotices")
public class ReviewNotices {

    private static final Logger log = LoggerFactory.getLogger(ReviewNotices.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;

    public ReviewNotices(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** The chunk's request: per reviewer (or, for groups without one, the facility's MCS administrators) a count. */
    public JavaDelegate announce() {
        return execution -> {
            Date deadline = (Date) execution.getVariable("deadline");
            for (Reviewer reviewer : jdbc.sql("""
                    SELECT reviewer_user_id, facility_id, COUNT(*) FROM group_review
                    WHERE campaign_id = ? AND chunk_no = ? GROUP BY reviewer_user_id, facility_id""")
                    .params(execution.getVariable("campaignId"), execution.getVariable("chunkNo"))
                    .query((rs, n) -> new Reviewer(rs.getString(1), rs.getString(2), rs.getLong(3))).list()) {
                notifications.announce(execution, reviewer.userId(), reviewer.userId() == null
                        ? Role.MCS_ADMIN.groupId(reviewer.facilityId()) : null, reviewer.groups(), deadline);
            }
        };
    }

    private record Reviewer(String userId, String facilityId, long groups) {
    }

    /** A timer of the chunk fired: the message goes to the chunk's group reviews still waiting for it (deadline). */
    public JavaDelegate signal(String message) {
        return execution -> correlate(execution, message);
    }

    /**
     * The same for a reminder or an escalation, and then one mail per person for the tasks those groups have open
     * now (after an escalation: the administrators' new tasks).
     */
    public JavaDelegate signalWithMail(String message, String kind) {
        return execution -> {
            List<String> reached = correlate(execution, message);
            if (!reached.isEmpty()) {
                notifications.digest(execution, reached, Kind.valueOf(kind));
            }
        };
    }

    /** A group's reminder: when (Tasklist shows it); the mail went from the chunk. */
    public JavaDelegate reminded() {
        return execution -> execution.setVariable("remindedAt", Rows.now());
    }

    /** One timer job serves a whole chunk and a decided group hears nothing: the group instances reached. */
    private static List<String> correlate(DelegateExecution execution, String message) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        List<String> reached = new ArrayList<>();
        for (var group : runtime.createProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId())
                .list()) {
            if (!runtime.createMessageCorrelation(message).processInstanceId(group.getId()).correlateAllWithResult()
                    .isEmpty()) {
                reached.add(group.getId());
            }
        }
        log.info("[{}] {} sent to {} undecided group reviews", execution.getBusinessKey(), message, reached.size());
        return reached;
    }
}
