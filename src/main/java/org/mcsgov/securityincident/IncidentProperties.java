package org.mcsgov.securityincident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * N3-10: the MCS administrator triages a report within triageDeadline, else the facility manager is asked too.
 */
@ConfigurationProperties("mcs.incident")
public record IncidentProperties(@DefaultValue("PT24H") String triageDeadline) {
}
