package org.mcsgov.correction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A6, A8-5: a correction not entered, or (a consent record) not approved by the manager, ends without a change after
 * expireAfter.
 */
@ConfigurationProperties("mcs.correction")
public record CorrectionProperties(@DefaultValue("P7D") String expireAfter) {
}
