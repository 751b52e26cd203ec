package org.mcsgov.staff;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A12-9 in staff-offboarding (issue 15): a leaver with a take-out still out — approved and taken, or overdue — is
 * not marked LEFT; the offboarding waits for it to be returned or closed as lost (device-takeout's own return task,
 * which reports a loss as an incident), as it waits for the devices on loan. Read from the register each time.
 */
@Component
public class OffboardingTakeouts {

    private static final Logger log = LoggerFactory.getLogger(OffboardingTakeouts.class);

    private final JdbcClient jdbc;
    private final String checkEvery;

    public OffboardingTakeouts(JdbcClient jdbc, OffboardingProperties settings) {
        this.jdbc = jdbc;
        this.checkEvery = settings.takeoutCheckEvery();
    }

    /** Read by the timer that waits for the return. */
    public String getCheckEvery() {
        return checkEvery;
    }

    public JavaDelegate check() {
        return execution -> {
            long leaver = ((Number) execution.getVariable("leaverStaffId")).longValue();
            long out = jdbc.sql("""
                    SELECT COUNT(*) FROM takeout WHERE applicant_staff_id = ? AND state IN ('APPROVED', 'OVERDUE')""")
                    .param(leaver).query(Long.class).single();
            execution.setVariable("takeoutsOut", out);
            if (out > 0) {
                log.info("[{}] waiting for {} take-out(s) of the leaver to be returned", execution.getBusinessKey(), out);
            }
        };
    }
}
