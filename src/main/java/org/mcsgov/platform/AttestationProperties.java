package org.mcsgov.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A11-1 password attestation: every two months on fixed dates (09:00 on the 1st of every odd month), the next MCS
 * password change it records as due (A11-3 "at least every 2 months"), the reminder to the person and the escalation
 * to the facility's MCS administrator.
 */
@ConfigurationProperties("mcs.attestation")
public record AttestationProperties(@DefaultValue("0 0 9 1 1/2 ?") String cycle, @DefaultValue("P2M") String nextChangeWithin,
                                    @DefaultValue("P7D") String remindAfter, @DefaultValue("P14D") String escalateAfter) {
}
