package org.mcsgov.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A9-1: a device return task is overdue after deviceReturnWithin. N3-7: 退会 (the leaver's own deletion) is waited for
 * withdrawalWait, then スタッフ解除 is asked instead; its deadline still counts from the decision (mcs.deadline.revoke),
 * so the two together stay within 24 hours. A12-9: a leaver with a take-out still out (approved, overdue) is not marked
 LEFT; takeoutCheckEvery is how often that is checked again.
 */
@ConfigurationProperties("mcs.offboarding")
public record OffboardingProperties(@DefaultValue("P7D") String deviceReturnWithin, @DefaultValue("PT8H") String withdrawalWait,
                                    @DefaultValue("PT1H") String takeoutCheckEvery) {
}
