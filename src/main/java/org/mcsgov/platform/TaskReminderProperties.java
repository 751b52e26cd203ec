package org.mcsgov.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issue 13, no process waits for ever: the tasks the policy gives no deadline are reminded on this cycle (ISO-8601
 * repetition) while their instance is open. The other mcs.deadline.* settings are McsDeadlines'.
 */
@ConfigurationProperties("mcs.deadline")
public record TaskReminderProperties(@DefaultValue("R/P3D") String taskReminderCycle) {
}
