package org.mcsgov.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo profile's data and users: enabled is read by DemoData's @ConditionalOnProperty; password is every demo
 * user's (no default: the demo profile sets it).
 */
@ConfigurationProperties("mcs.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, String password) {
}
