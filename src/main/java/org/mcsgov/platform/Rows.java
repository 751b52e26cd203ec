package org.mcsgov.platform;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Small helpers shared by the register's services. */
public final class Rows {

    private Rows() {
    }

    /** Inserts a row and returns its generated "id". */
    public static long insert(JdbcClient jdbc, String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Now on the engine's clock, as the register stores it. */
    public static Timestamp now() {
        return Timestamp.from(EngineClock.now());
    }
}
