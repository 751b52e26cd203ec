package org.mcsgov.account;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The inactivity review's settings (NIST AC-2(3)), read by its BPMN timers as {@code ${accountSchedules.x}}: the
 * daily calendar cycle (a cron expression, so a redeployment never moves it), how long without a login makes an
 * account inactive, and how long the administrator has to answer before the account is locked.
 */
@Component("accountSchedules")
public class AccountSchedules {

    private final String reviewCycle;
    private final Duration inactiveAfter;
    private final Duration inactiveLockAfter;

    public AccountSchedules(AccountProperties settings) {
        this.reviewCycle = settings.reviewCycle();
        this.inactiveAfter = settings.inactiveAfter();
        this.inactiveLockAfter = settings.inactiveLockAfter();
    }

    public String getReviewCycle() {
        return reviewCycle;
    }

    public Duration inactiveAfter() {
        return inactiveAfter;
    }

    /** ISO-8601, as a timer's timeDuration takes it. */
    public String getInactiveLockAfter() {
        return inactiveLockAfter.toString();
    }
}
