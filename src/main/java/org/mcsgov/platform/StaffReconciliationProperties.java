package org.mcsgov.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * N1-3, A8-5 突合 of each facility's staff list in MCS with the register: its own cycle on the review's quarterly
 * dates (one rhythm for the office), due mcs.review.deadline later.
 */
@ConfigurationProperties("mcs.staff-reconciliation")
public record StaffReconciliationProperties(@DefaultValue("0 0 9 1 1/3 ?") String cycle) {
}
