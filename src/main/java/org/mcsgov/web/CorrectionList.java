package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 訂正履歴 (register-correction): every correction with the old and the new value, the reason, who asked and who
 * decided; for the facility's managers and MCS administrators, the one who asked, and the office.
 */
@Component
@Order(10)
public class CorrectionList implements RegisterList<CorrectionList.Row> {

    public record Row(long id, String facilityName, String kind, String recordLabel, String field, String oldValue,
                      String newValue, String reason, String status, String requestedBy, OffsetDateTime requestedAt,
                      String decidedBy, OffsetDateTime decidedAt, String decisionComment, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public CorrectionList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "corrections";
    }

    @Override
    public String title() {
        return "訂正履歴";
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("q", "登録・値・理由"), Filter.choice("kind", "種類", Labels.CORRECTION_KIND),
                Filter.choice("status", "状態", Labels.CORRECTION_STATUS),
                Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("番号", Row::id), Column.of("事業所", Row::facilityName),
                Column.of("種類", row -> Labels.of(Labels.CORRECTION_KIND, row.kind())),
                Column.of("登録", Row::recordLabel),
                Column.of("項目", row -> Labels.of(Labels.CORRECTION_FIELD, row.field())),
                Column.of("訂正前", Row::oldValue), Column.of("訂正後", Row::newValue), Column.of("理由", Row::reason),
                Column.of("状態", row -> Labels.of(Labels.CORRECTION_STATUS, row.status())),
                Column.of("申請者", Row::requestedBy), Column.of("申請", Row::requestedAt),
                Column.of("判断者", Row::decidedBy), Column.of("判断", Row::decidedAt),
                Column.of("コメント", Row::decisionComment),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = visibility.managedOrOwn(new Where(), "c.facility_id", "c.requested_by")
                .and("c.record_label LIKE :q OR c.old_value LIKE :q OR c.new_value LIKE :q OR c.reason LIKE :q", "q",
                        Criteria.contains(criteria, "q"))
                .and("c.kind = :kind", "kind", Criteria.text(criteria, "kind"))
                .and("c.status = :status", "status", Criteria.text(criteria, "status"))
                .and("c.facility_id = :facility", "facility", Criteria.text(criteria, "facility"));
        return new Listing<>(jdbc, """
                c.id, f.name AS facility_name, c.kind, c.record_label, c.field, c.old_value, c.new_value, c.reason,
                c.status, c.requested_by, c.requested_at, c.decided_by, c.decided_at, c.decision_comment,
                c.process_instance_id""", "correction c JOIN facility f ON f.id = c.facility_id", where, "c.id DESC",
                Row.class);
    }
}
