package org.mcsgov.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timers of the invitation (ISO-8601 durations): a reminder to the approver, and expiry of a decision that does
 * not come. The policy says nothing; 2 and 7 days keep a care team moving without leaving requests open for weeks.
 */
@ConfigurationProperties("mcs.invitation")
public record InvitationProperties(@DefaultValue("P2D") String remindAfter, @DefaultValue("P7D") String expireAfter) {
}
