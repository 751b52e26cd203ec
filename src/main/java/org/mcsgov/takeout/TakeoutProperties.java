package org.mcsgov.takeout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Take-out limits and timers (A12-9, ISO-8601 durations). The policy asks for a period but sets none: at most two
 * weeks keeps information out of the facility only as long as a home-care round needs; a reminder the day before the
 * end; overdue the day after the period, escalated to the facility manager two days later. The approval is reminded
 * after a day and expires after a week (the request is for a date soon).
 */
@ConfigurationProperties("mcs.takeout")
public record TakeoutProperties(@DefaultValue("P14D") String maxPeriod, @DefaultValue("P1D") String remindBefore,
                                @DefaultValue("P2D") String escalateManagerAfter,
                                @DefaultValue("P1D") String approvalRemindAfter,
                                @DefaultValue("P7D") String approvalExpireAfter) {
}
