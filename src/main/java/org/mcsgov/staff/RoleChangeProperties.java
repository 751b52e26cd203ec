package org.mcsgov.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A7: a role change not entered by the one who started it ends without a change after expireAfter.
 */
@ConfigurationProperties("mcs.role-change")
public record RoleChangeProperties(@DefaultValue("P7D") String expireAfter) {
}
