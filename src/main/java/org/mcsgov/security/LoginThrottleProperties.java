package org.mcsgov.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A11-3 guessing slowed per source address (never per user id, which would let anyone keep a named person out): after
 * maxFailures failed password checks within window the address waits delay, doubled by each further failure up to
 * maxDelay (429); the account lockout (login-max-attempts) stays as it is.
 */
@ConfigurationProperties("mcs.login-throttle")
public record LoginThrottleProperties(@DefaultValue("10") int maxFailures, @DefaultValue("PT15M") Duration window,
                                      @DefaultValue("PT30S") Duration delay, @DefaultValue("PT15M") Duration maxDelay) {
}
