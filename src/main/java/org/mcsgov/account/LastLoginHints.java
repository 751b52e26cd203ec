package org.mcsgov.account;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mcsgov.platform.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The last login as people read it (NIST AC-2(3)): on the staff page, and beside each member in the membership
 * review, where a member who has not logged in for mcs.account.inactive-after is a hint to look twice (N1-3).
 */
@Component
public class LastLoginHints {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(EngineClock.ZONE);

    private final JdbcClient jdbc;
    private final AccountSchedules schedules;

    public LastLoginHints(JdbcClient jdbc, AccountSchedules schedules) {
        this.jdbc = jdbc;
        this.schedules = schedules;
    }

    /** "2026-11-30", or "なし" (never since the login was recorded). */
    public String lastLogin(long staffId) {
        OffsetDateTime at = at(staffId);
        return at == null ? "なし" : DAY.format(at);
    }

    /** The last login, or null. */
    public OffsetDateTime at(long staffId) {
        List<OffsetDateTime> at = jdbc.sql("SELECT last_login_at FROM staff WHERE id = ?").param(staffId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list();
        return at.isEmpty() ? null : at.get(0);
    }

    /** Per staff id: "・最終ログイン 2026-11-30", with "⚠" when it is older than the inactivity limit. */
    public Map<Long, String> hints(List<Long> staffIds) {
        Map<Long, String> hints = new HashMap<>();
        if (staffIds.isEmpty()) {
            return hints;
        }
        OffsetDateTime limit = EngineClock.now().minus(schedules.inactiveAfter()).atOffset(java.time.ZoneOffset.UTC);
        jdbc.sql("SELECT id, last_login_at FROM staff WHERE id IN (:ids)").param("ids", staffIds).query((rs, n) -> {
            OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
            String text = "・最終ログイン " + (at == null ? "なし" : DAY.format(at));
            return Map.entry(rs.getLong(1), at == null || at.isBefore(limit)
                    ? text + " ⚠" + schedules.inactiveAfter().toDays() + "日以上ログインなし" : text);
        }).list().forEach(entry -> hints.put(entry.getKey(), entry.getValue()));
        return hints;
    }
}
