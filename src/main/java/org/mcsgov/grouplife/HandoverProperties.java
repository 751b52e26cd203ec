package org.mcsgov.grouplife;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * N1-4: how long the successor has to accept a handover (ISO-8601 duration).
 */
@ConfigurationProperties("mcs.handover")
public record HandoverProperties(@DefaultValue("P7D") String expireAfter) {
}
