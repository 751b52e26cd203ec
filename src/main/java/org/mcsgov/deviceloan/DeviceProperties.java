package org.mcsgov.deviceloan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A8-2: a device return started from Tasklist is due after returnWithin (staff-offboarding uses
 * mcs.offboarding.device-return-within); not returned by then: an incident report (N3-10).
 */
@ConfigurationProperties("mcs.device")
public record DeviceProperties(@DefaultValue("P7D") String returnWithin) {
}
