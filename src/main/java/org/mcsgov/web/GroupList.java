package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** グループ: patient and free groups, by facility and status (archived included), with their current size. */
@Component
@Order(3)
public class GroupList implements RegisterList<GroupList.Row> {

    public record Row(long id, String kind, String name, String facilityName, String status, String coordinator,
                      long members, OffsetDateTime requestedAt, OffsetDateTime closedAt, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public GroupList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public String title() {
        return "グループ";
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("q", "グループ名"), Filter.choice("kind", "種類", Labels.GROUP_KIND),
                Filter.choice("facility", "作成事業所", visibility.facilityChoices()),
                Filter.choice("status", "状態", Labels.GROUP_STATUS));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.linked("グループID", Row::id, row -> "/register/groups/" + row.id()),
                Column.of("種類", row -> Labels.of(Labels.GROUP_KIND, row.kind())),
                Column.linked("グループ名", Row::name, row -> "/register/groups/" + row.id()),
                Column.of("作成事業所", Row::facilityName), Column.of("担当者", Row::coordinator),
                Column.of("現在のメンバー数", Row::members),
                Column.of("状態", row -> Labels.of(Labels.GROUP_STATUS, row.status())),
                Column.of("作成依頼", Row::requestedAt), Column.of("終了", Row::closedAt),
                Column.linked("作成プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = visibility.groups(new Where())
                .and("g.name LIKE :q", "q", Criteria.contains(criteria, "q"))
                .and("g.kind = :kind", "kind", Criteria.text(criteria, "kind"))
                .and("g.facility_id = :facility", "facility", Criteria.text(criteria, "facility"))
                .and("g.status = :status", "status", Criteria.text(criteria, "status"));
        return new Listing<>(jdbc, """
                g.id, g.kind, g.name, f.name AS facility_name, g.status, c.name AS coordinator,
                (SELECT COUNT(*) FROM membership m WHERE m.group_id = g.id AND m.valid_to IS NULL) AS members,
                g.requested_at, g.closed_at, g.process_instance_id""",
                "patient_group g JOIN facility f ON f.id = g.facility_id JOIN staff c ON c.id = g.coordinator_staff_id",
                where, "g.id DESC", Row.class);
    }
}
