package org.mcsgov.mcs;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadlines of a change in MCS (mcs.deadline.*, ISO-8601 durations). A revocation (N1-3 a leaver or someone no
 * longer in charge leaves, N2-2 a misuser is stopped, N3-7 a leaver's account) is due {@code revoke} after the
 * decision: the policy says "promptly"; 24 hours means the next working day at the latest, while the person may
 * still read every group they were in. Anything else is due {@code other} after it. A reminder goes to whoever has the
 * task at remind-*, the facility manager gets it at the due date, the association office is told office-after-due
 * later.
 */
@ConfigurationProperties("mcs.deadline")
public record McsDeadlines(Duration revoke, Duration other, Duration remindRevoke, Duration remindOther,
                           Duration officeAfterDue) {

    public McsDeadlines {
        revoke = revoke == null ? Duration.ofHours(24) : revoke;
        other = other == null ? Duration.ofDays(3) : other;
        remindRevoke = remindRevoke == null ? Duration.ofHours(12) : remindRevoke;
        remindOther = remindOther == null ? Duration.ofDays(2) : remindOther;
        officeAfterDue = officeAfterDue == null ? Duration.ofHours(24) : officeAfterDue;
    }

    /** When the reminder, the escalation (due) and the office's notice come for an action decided at that moment. */
    public Schedule schedule(McsAction action, Instant decidedAt) {
        Instant due = decidedAt.plus(action.revocation() ? revoke : other);
        return new Schedule(decidedAt.plus(action.revocation() ? remindRevoke : remindOther), due,
                due.plus(officeAfterDue));
    }

    public record Schedule(Instant remindAt, Instant dueAt, Instant officeAt) {
    }
}
