package org.mcsgov.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 持ち出し (A12-9): take-out requests, their approval and return; for the facility's managers and MCS administrators,
 * the applicant and the office, as /api/takeouts allows.
 */
@Component
@Order(6)
public class TakeoutList implements RegisterList<TakeoutList.Row> {

    public record Row(long id, String facilityName, String applicant, String assetNumber, String content,
                      String purpose, String destination, LocalDate fromDate, LocalDate toDate, String state,
                      String approvedBy, OffsetDateTime requestedAt, OffsetDateTime closedAt, String processInstanceId) {
    }

    static final Map<String, String> STATE = Labels.TAKEOUT_STATE;

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public TakeoutList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "takeouts";
    }

    @Override
    public String title() {
        return "持ち出し";
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("q", "申請者・内容"), Filter.choice("state", "状態", STATE),
                Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("申請番号", Row::id), Column.of("事業所", Row::facilityName),
                Column.of("申請者", Row::applicant), Column.of("端末", Row::assetNumber), Column.of("内容", Row::content),
                Column.of("目的", Row::purpose), Column.of("持ち出し先", Row::destination),
                Column.of("開始日", Row::fromDate), Column.of("終了日", Row::toDate),
                Column.of("状態", row -> Labels.of(STATE, row.state())), Column.of("承認者", Row::approvedBy),
                Column.of("申請", Row::requestedAt), Column.of("終了", Row::closedAt),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = visibility.managedOrOwn(new Where(), "t.facility_id", "a.user_id")
                .and("a.name LIKE :q OR a.kana LIKE :q OR t.content LIKE :q", "q", Criteria.contains(criteria, "q"))
                .and("t.state = :state", "state", Criteria.text(criteria, "state"))
                .and("t.facility_id = :facility", "facility", Criteria.text(criteria, "facility"));
        return new Listing<>(jdbc, """
                t.id, f.name AS facility_name, a.name AS applicant, d.asset_number, t.content, t.purpose, t.destination,
                t.from_date, t.to_date, t.state, t.approved_by, t.requested_at, t.closed_at, t.process_instance_id""", """
                takeout t JOIN facility f ON f.id = t.facility_id JOIN staff a ON a.id = t.applicant_staff_id
                JOIN device d ON d.id = t.device_id""", where, "t.id DESC", Row.class);
    }
}
