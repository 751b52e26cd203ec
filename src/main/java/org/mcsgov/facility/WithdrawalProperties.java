package org.mcsgov.facility;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A7: groups of a withdrawing facility not yet handed over or archived are told to the office after escalateAfter.
 */
@ConfigurationProperties("mcs.withdrawal")
public record WithdrawalProperties(@DefaultValue("P14D") String escalateAfter) {
}
