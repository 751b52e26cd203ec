package org.mcsgov.dashboard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.web.Visibility;
import org.mcsgov.web.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures over time: the membership-review campaigns' progress and the logins per day (Asia/Tokyo),
 * aggregated in SQL and scoped by Visibility.managed (a manager sees their facility's groups and staff).
 */
@Component
class ActivityCharts {

    /** The newest campaigns shown; older ones are on /register/reviews. */
    static final int CAMPAIGNS = 12;
    /** The days of the login chart, today included. */
    static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Visibility visibility;

    ActivityCharts(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    /** N1-3: per campaign (the newest first on the right) its groups decided, still open and left to the default. */
    Chart reviews() {
        List<Long> campaigns = jdbc.sql("SELECT id FROM review_campaign ORDER BY id DESC LIMIT " + CAMPAIGNS)
                .query(Long.class).list();
        Where where = visibility.managed(new Where().and("c.id IN (:campaigns)", "campaigns", campaigns),
                "r.facility_id");
        var points = jdbc.sql("""
                SELECT c.id, c.started_at,
                    COUNT(CASE WHEN r.status IN ('DECIDED', 'ARCHIVED') THEN 1 END),
                    COUNT(CASE WHEN r.status = 'OPEN' THEN 1 END),
                    COUNT(CASE WHEN r.status = 'DEFAULT' THEN 1 END)
                FROM review_campaign c JOIN group_review r ON r.campaign_id = c.id
                WHERE""" + " " + where.condition() + " GROUP BY c.id, c.started_at ORDER BY c.id")
                .params(where.params())
                .query((rs, n) -> Chart.Point.read(rs, "No." + rs.getLong(1) + " " + rs.getObject(2, OffsetDateTime.class)
                        .atZoneSameInstant(EngineClock.ZONE).toLocalDate() + "開始", 3, 3))
                .list();
        return Chart.of("reviews", "メンバー見直しの進み具合", "見直しキャンペーンごとの、グループの判断の状況（新しい12回）",
                "キャンペーン", List.of("判断済み", "未判断", "無回答（既定を適用）"), points, "columns", true);
    }

    /** A8-3: successful logins per day of the last 30 days (Asia/Tokyo), and how many people logged in. */
    Chart logins() {
        LocalDate first = EngineClock.today().minusDays(DAYS - 1L);
        // the office counts every login; a manager those of their facility's staff
        String join = visibility.isOffice() ? "" : " JOIN staff s ON s.user_id = l.user_id";
        Where where = visibility.managed(new Where().and("l.event = 'LOGIN'").and("l.at >= :from", "from",
                Timestamp.from(first.atStartOfDay(EngineClock.ZONE).toInstant())), "s.facility_id");
        // the day in Tokyo from the epoch seconds: H2 casts "AT TIME ZONE" back to the session's zone, PostgreSQL does
        // not; Japan keeps one offset all year
        int offset = EngineClock.ZONE.getRules().getOffset(EngineClock.now()).getTotalSeconds();
        Map<LocalDate, Chart.Point> days = jdbc.sql("""
                SELECT x.login_day, COUNT(*), COUNT(DISTINCT x.user_id) FROM (
                    SELECT CAST(FLOOR((EXTRACT(EPOCH FROM l.at) + %d) / 86400) AS BIGINT) AS login_day, l.user_id
                    FROM audit_log l""".formatted(offset) + join + " WHERE " + where.condition()
                        + ") x GROUP BY x.login_day").params(where.params())
                .query((rs, n) -> Chart.Point.read(rs, LocalDate.ofEpochDay(rs.getLong(1)).toString(), 2, 2)).list()
                .stream().collect(Collectors.toMap(p -> LocalDate.parse(p.category()), Function.identity()));
        var points = first.datesUntil(first.plusDays(DAYS)).map(day -> days.getOrDefault(day,
                new Chart.Point(day.toString(), List.of(0L, 0L)))).toList();
        return Chart.of("logins", "ログイン数（日別）", "この30日間の1日ごとのログイン回数とログインした人数（監査ログ）",
                "日付", List.of("ログイン回数", "ログインした人数"), points, "line", false);
    }
}
