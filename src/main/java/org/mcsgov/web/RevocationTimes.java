package org.mcsgov.web;

import java.util.List;
import java.util.Map;
import org.mcsgov.platform.Rows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * アクセスの取り消し（所要時間）, for the association office (N1-3, N2-2, N3-7): per responsible facility, how long
 * revoking access took from the decision to the confirmation in MCS (スタッフ解除, 退会, removal from a group,
 * suspension in MCS) — median and 95th percentile of the confirmed ones — and how many are overdue now.
 */
@Component
@Order(9)
public class RevocationTimes implements RegisterList<RevocationTimes.Row> {

    public record Row(String facilityId, String facilityName, long confirmed, Double medianSeconds,
                      Double p95Seconds, Double maxSeconds, long openCount, long overdue) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public RevocationTimes(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    /** Seconds as hours with one decimal, as the office reads them; empty when there is nothing. */
    static String hours(Number seconds) {
        return seconds == null ? "" : String.format("%.1f", seconds.doubleValue() / 3600);
    }

    @Override
    public String name() {
        return "revocations";
    }

    @Override
    public String title() {
        return "取り消しの所要時間";
    }

    @Override
    public boolean visible() {
        return visibility.isOffice();
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.linked("事業所", Row::facilityName,
                        row -> "/register/mcs-actions?revocation=true&facility=" + row.facilityId()),
                Column.of("確定済み", Row::confirmed), Column.of("中央値（時間）", row -> hours(row.medianSeconds())),
                Column.of("95パーセンタイル（時間）", row -> hours(row.p95Seconds())),
                Column.of("最大（時間）", row -> hours(row.maxSeconds())), Column.of("未確定", Row::openCount),
                Column.linked("期限超過（現在）", Row::overdue,
                        row -> "/register/mcs-actions?state=overdue&revocation=true&facility=" + row.facilityId()));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = new Where().and("r.facility_id = :facility", "facility", Criteria.text(criteria, "facility"))
                .param("now", Rows.now());
        // PERCENTILE_CONT ignores the NULLs of what is not confirmed; the same SQL on H2 and PostgreSQL
        return new Listing<>(jdbc, """
                r.facility_id, f.name AS facility_name, r.confirmed, r.median_seconds, r.p95_seconds, r.max_seconds,
                r.open_count, r.overdue""", """
                (SELECT a.facility_id,
                        COUNT(CASE WHEN a.outcome = 'DONE' THEN 1 END) AS confirmed,
                        PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN a.outcome = 'DONE'
                            THEN a.elapsed_seconds END) AS median_seconds,
                        PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY CASE WHEN a.outcome = 'DONE'
                            THEN a.elapsed_seconds END) AS p95_seconds,
                        CAST(MAX(CASE WHEN a.outcome = 'DONE' THEN a.elapsed_seconds END) AS DOUBLE PRECISION) AS max_seconds,
                        COUNT(CASE WHEN a.closed_at IS NULL THEN 1 END) AS open_count,
                        COUNT(CASE WHEN a.closed_at IS NULL AND a.due_at < :now THEN 1 END) AS overdue
                 FROM mcs_action a WHERE a.revocation GROUP BY a.facility_id) r
                LEFT JOIN facility f ON f.id = r.facility_id""", where, "f.name, r.facility_id",
                Row.class);
    }
}
