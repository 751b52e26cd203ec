package org.mcsgov.migration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Known from the register's tables. */
@Component
class RegisterKnown implements Known {

    private final JdbcClient jdbc;

    RegisterKnown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean facility(String facilityId) {
        return count("SELECT COUNT(*) FROM facility WHERE id = ?", facilityId);
    }

    @Override
    public boolean user(String userId) {
        return count("SELECT COUNT(*) FROM staff WHERE user_id = ?", userId);
    }

    @Override
    public boolean liveEmail(String email) {
        return count("SELECT COUNT(*) FROM staff WHERE live_email = ?", email.toLowerCase());
    }

    private boolean count(String sql, String value) {
        return jdbc.sql(sql).param(value).query(Long.class).single() > 0;
    }
}
