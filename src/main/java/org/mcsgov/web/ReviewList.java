package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 見直し (N1-3): membership review campaigns with their progress; each links to its report per group
 * (ReviewGroupList). The association office reads them, as /api/reviews allows.
 */
@Component
@Order(7)
public class ReviewList implements RegisterList<ReviewList.Row> {

    public record Row(long id, String facilityName, OffsetDateTime startedAt, String startedBy, OffsetDateTime deadline,
                      String defaultDecision, String status, long groups, long decided, OffsetDateTime closedAt,
                      String processInstanceId) {

        long open() {
            return groups - decided;
        }
    }

    static final Map<String, String> STATUS = Labels.ordered("OPEN", "実施中", "CLOSED", "終了");

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public ReviewList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "reviews";
    }

    @Override
    public String title() {
        return "見直し";
    }

    @Override
    public boolean visible() {
        return visibility.isOffice();
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.choice("status", "状態", STATUS));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.linked("キャンペーン", Row::id, row -> "/register/review-groups?campaign=" + row.id()),
                Column.of("対象", row -> row.facilityName() == null ? "全事業所" : row.facilityName()),
                Column.of("開始", Row::startedAt), Column.of("開始者", row -> row.startedBy() == null ? "定期" : row.startedBy()),
                Column.of("期限", Row::deadline), Column.of("無回答時", Row::defaultDecision),
                Column.of("状態", row -> Labels.of(STATUS, row.status())), Column.of("グループ数", Row::groups),
                Column.of("判断済み", Row::decided), Column.of("未判断", Row::open), Column.of("終了", Row::closedAt),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = new Where().and("c.status = :status", "status", Criteria.text(criteria, "status"));
        return new Listing<>(jdbc, """
                c.id, f.name AS facility_name, c.started_at, c.started_by, c.deadline, c.default_decision, c.status,
                (SELECT COUNT(*) FROM group_review r WHERE r.campaign_id = c.id) AS groups,
                (SELECT COUNT(*) FROM group_review r WHERE r.campaign_id = c.id AND r.status <> 'OPEN') AS decided,
                c.closed_at, c.process_instance_id""",
                "review_campaign c LEFT JOIN facility f ON f.id = c.facility_id", where, "c.id DESC",
                Row.class);
    }
}
