package org.mcsgov.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A9-2 security training: the campaign's calendar rule (cron, 09:00 on 1 April, the fiscal year's start: no release
 * moves it), the reminder to the facility manager, and the deadline (then the untrained are listed).
 */
@ConfigurationProperties("mcs.training")
public record TrainingProperties(@DefaultValue("0 0 9 1 4 ?") String cycle, @DefaultValue("P60D") String remindAfter,
                                 @DefaultValue("P90D") String deadline) {
}
