package org.mcsgov.directory;

/**
 * A facility's Camunda groups exist now (enrolled or created): security grants their authorizations and Tasklist
 * filter. Published inside the register's transaction and under the system's authentication, so the listener's
 * grants commit with the facility or not at all.
 */
public record FacilityProvisioned(String facilityId, String facilityName) {
}
