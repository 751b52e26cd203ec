package org.mcsgov.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A9-1: a paper pledge not entered ends without a record after expireAfter.
 */
@ConfigurationProperties("mcs.pledge-record")
public record PledgeRecordProperties(@DefaultValue("P14D") String expireAfter) {
}
