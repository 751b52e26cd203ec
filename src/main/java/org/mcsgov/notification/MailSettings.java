package org.mcsgov.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * mcs.mail.*: whether notifications are mailed (off in the demo: each one is logged instead), the sender, the
 * address of Tasklist that the links point to, the retry cycle of a failed sending (then an incident), how often
 * the outbox is sent and how long its rows are kept. A bean
 * with setters, not a record: tests switch the mailing on and off in a running context.
 */
@ConfigurationProperties("mcs.mail")
public class MailSettings {

    private boolean enabled;
    private String from = "mcs-workflow@localhost";
    // no default here: application.yaml derives it from server.port, the one environment-specific value
    private String baseUrl;
    private String retry = "R3/PT5M";
    // how often each node sends what the outbox holds (0: never, the process tests drain it themselves)
    private Duration drainEvery = Duration.ofSeconds(5);
    // a sent mail's row is the evidence of the sending, kept as long as the notification process's history
    private Duration keep = Duration.ofDays(365);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getRetry() {
        return retry;
    }

    public void setRetry(String retry) {
        this.retry = retry;
    }

    public Duration getDrainEvery() {
        return drainEvery;
    }

    public void setDrainEvery(Duration drainEvery) {
        this.drainEvery = drainEvery;
    }

    public Duration getKeep() {
        return keep;
    }

    public void setKeep(Duration keep) {
        this.keep = keep;
    }
}
