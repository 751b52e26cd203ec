package org.mcsgov.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** A11-3: a password of our own accounts older than maxAge is changed before the next login ("at least every 2 months"). */
@ConfigurationProperties("mcs.password")
public record PasswordProperties(@DefaultValue("P60D") Duration maxAge) {
}
