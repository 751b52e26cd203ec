package org.mcsgov.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A8-5: a pending registration (no account yet) closes when pledge and profile are not done after expireAfter.
 */
@ConfigurationProperties("mcs.onboarding")
public record OnboardingProperties(@DefaultValue("P30D") String expireAfter) {
}
