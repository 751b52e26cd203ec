package org.mcsgov.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * mcs.mail.*: whether notifications are mailed (off in the demo: each one is logged instead), the sender, the
 * address of Tasklist that the links point to, and the retry cycle of a failed sending (then an incident). A bean
 * with setters, not a record: tests switch the mailing on and off in a running context.
 */
@ConfigurationProperties("mcs.mail")
public class MailSettings {

    private boolean enabled;
    private String from = "mcs-workflow@localhost";
    // no default here: application.yaml derives it from server.port, the one environment-specific value
    private String baseUrl;
    private String retry = "R3/PT5M";

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
}
