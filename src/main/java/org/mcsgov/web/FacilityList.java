package org.mcsgov.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 事業所: kind, state (facility-enrollment), MCS use (N1-2), active staff and MCS administrators. */
@Component
@Order(1)
public class FacilityList implements RegisterList<FacilityList.Row> {

    public record Row(String id, String name, String kind, String status, boolean usesMcs, long activeStaff,
                      long admins) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public FacilityList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "facilities";
    }

    @Override
    public String title() {
        return "事業所";
    }

    @Override
    public boolean visible() {
        return visibility.hasFacilities();
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("q", "名称"), Filter.choice("kind", "種別", Labels.FACILITY_KIND),
                Filter.choice("status", "状態", Labels.FACILITY_STATUS),
                Filter.choice("mcs", "MCS利用", Labels.YES_NO));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.linked("事業所ID", Row::id, row -> "/register/facilities/" + row.id()),
                Column.of("名称", Row::name),
                Column.of("種別", row -> Labels.of(Labels.FACILITY_KIND, row.kind())),
                Column.of("状態", row -> Labels.of(Labels.FACILITY_STATUS, row.status())),
                Column.of("MCS利用", Row::usesMcs),
                Column.of("有効な職員数", Row::activeStaff),
                Column.of("MCS管理者数", Row::admins));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = visibility.facilities(new Where())
                .and("f.name LIKE :q", "q", Criteria.contains(criteria, "q"))
                .and("f.kind = :kind", "kind", Criteria.text(criteria, "kind"))
                .and("f.status = :status", "status", Criteria.text(criteria, "status"))
                .and("f.uses_mcs = :mcs", "mcs", Criteria.yesNo(criteria, "mcs"));
        return new Listing<>(jdbc, """
                f.id, f.name, f.kind, f.status, f.uses_mcs,
                (SELECT COUNT(*) FROM staff s WHERE s.facility_id = f.id AND s.status = 'ACTIVE') AS active_staff,
                (SELECT COUNT(*) FROM role_assignment r JOIN staff s ON s.id = r.staff_id WHERE r.facility_id = f.id
                    AND r.role = 'MCS_ADMIN' AND r.valid_to IS NULL AND s.status = 'ACTIVE') AS admins""",
                "facility f", where, "f.id", Row.class);
    }
}
