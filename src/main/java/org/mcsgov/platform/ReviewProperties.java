package org.mcsgov.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * N1-3 membership review campaigns: the calendar rule (09:00 on 1 January, April, July and October), the deadline, the
 * reminder before it, the escalation to the MCS administrator; what an unanswered group gets at the deadline; when
 * decisions apply (AT_ONCE: when the group's review ends; CAMPAIGN_END: at the deadline); whether keeping a member
 * needs a justification; groups per fan-out job (membership-review-chunk).
 */
@ConfigurationProperties("mcs.review")
public record ReviewProperties(@DefaultValue("0 0 9 1 1/3 ?") String cycle, @DefaultValue("P21D") String deadline,
                               @DefaultValue("P2D") String remindBefore, @DefaultValue("P14D") String escalateAfter,
                               @DefaultValue("NO_CHANGE") Default defaultDecision,
                               @DefaultValue("false") boolean defaultRemovalAllowed,
                               @DefaultValue("AT_ONCE") String apply,
                               @DefaultValue("false") boolean keepNeedsJustification,
                               @DefaultValue("20") int chunkSize) {

    /** What an unanswered group gets at the campaign deadline. */
    public enum Default { NO_CHANGE, KEEP, REMOVE_UNCONFIRMED }

    public ReviewProperties {
        // a default of removal applied without anyone looking can empty every group: only when said explicitly
        if (defaultDecision == Default.REMOVE_UNCONFIRMED && !defaultRemovalAllowed) {
            throw new IllegalStateException("mcs.review.default-decision=REMOVE_UNCONFIRMED needs "
                    + "mcs.review.default-removal-allowed=true");
        }
        if (!List.of("AT_ONCE", "CAMPAIGN_END").contains(apply)) {
            throw new IllegalStateException("mcs.review.apply must be AT_ONCE or CAMPAIGN_END: " + apply);
        }
    }
}
