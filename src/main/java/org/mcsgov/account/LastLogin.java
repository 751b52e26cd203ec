package org.mcsgov.account;

import java.sql.Timestamp;
import java.time.Duration;
import org.mcsgov.platform.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person last logged in (NIST AC-2(3): accounts nobody uses): the webapps, the register, a second factor
 * passed, HTTP Basic and a personal access token all count. Written at most once an hour per person, so a program
 * calling /api every second does not write the staff row every second.
 */
@Component
public class LastLogin {

    private static final Duration PRECISION = Duration.ofHours(1);

    private final JdbcClient jdbc;

    public LastLogin(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String userId) {
        var now = EngineClock.now();
        // a mover's earlier entry (LEFT) keeps the last login it had there (staff-transfer: one user id, two entries)
        jdbc.sql("""
                UPDATE staff SET last_login_at = ? WHERE user_id = ? AND status NOT IN ('LEFT', 'CLOSED')
                    AND (last_login_at IS NULL OR last_login_at < ?)""")
                .params(Timestamp.from(now), userId, Timestamp.from(now.minus(PRECISION))).update();
    }
}
