package org.mcsgov.security.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Personal access tokens of /engine-rest and /api: the longest validity an owner may choose (A11-1, A11-3). */
@ConfigurationProperties("mcs.token")
public record TokenProperties(@DefaultValue("P365D") Duration maxValidity) {
}
