package org.mcsgov.grouplife;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A4, A6: how long the receiving facility has to decide a group transfer, and then the new coordinator to record
 * the consent.
 */
@ConfigurationProperties("mcs.transfer")
public record TransferProperties(@DefaultValue("P14D") String expireAfter) {
}
