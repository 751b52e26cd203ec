package org.mcsgov.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * NIST AC-2(3), A11-2: each day (reviewCycle, a calendar rule) the accounts without a login for inactiveAfter are
 * listed for their facility's MCS administrator; without an answer for inactiveLockAfter the account is locked and
 * the office informed.
 */
@ConfigurationProperties("mcs.account")
public record AccountProperties(@DefaultValue("0 0 6 * * ?") String reviewCycle,
                                @DefaultValue("P90D") Duration inactiveAfter,
                                @DefaultValue("P30D") Duration inactiveLockAfter) {
}
