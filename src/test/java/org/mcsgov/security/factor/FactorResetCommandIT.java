package org.mcsgov.security.factor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AdminCommand;
import org.mcsgov.AppTestSupport;
import org.mcsgov.platform.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A11-3: `admin` loses the phone: --mcs.reset-second-factor=admin from the server's command line, audited. */
@DisplayName("--mcs.reset-second-factor=<user>: the command line removes a lost second factor (A11-3)")
class FactorResetCommandIT extends AppTestSupport {

    @Autowired SecondFactors factors;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;

    @Test
    @DisplayName("admin's factor is reset by the command (exit 0, audit row CLI); again: nothing to reset (exit 1)")
    void adminResetByCommand() {
        byte[] secret = Totp.newSecret();
        factors.enrol("admin", secret, Totp.code(secret, Totp.step(EngineClock.now())));
        assertThat(factors.enrolled("admin")).isTrue();
        try {
            String[] database = {"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--camunda.bpm.process-engine-name=reset"};
            assertThat(AdminCommand.run("--mcs.reset-second-factor=admin", database[0], database[1])).isZero();
            assertThat(factors.enrolled("admin")).isFalse();
            assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE method = 'CLI' ORDER BY id DESC")
                    .query(String.class).list()).first().asString().contains("second factor of admin reset");
            assertThat(AdminCommand.run("--mcs.reset-second-factor=admin", database[0], database[1])).isEqualTo(1);
        } finally {
            factors.reset("admin");
        }
    }
}
