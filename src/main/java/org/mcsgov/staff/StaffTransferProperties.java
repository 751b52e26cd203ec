package org.mcsgov.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A8-5: how long the destination's decision on a move (異動), or a revision, is waited for before it expires.
 */
@ConfigurationProperties("mcs.staff-transfer")
public record StaffTransferProperties(@DefaultValue("P14D") String expireAfter) {
}
