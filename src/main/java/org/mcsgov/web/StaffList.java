package org.mcsgov.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 職員: searched by name or kana, profession, status and facility; their current roles. */
@Component
@Order(2)
public class StaffList implements RegisterList<StaffList.Row> {

    public record Row(long id, String userId, String name, String kana, String profession, String facilityName,
                      String status, boolean manager, boolean admin, boolean coordinator) {

        String roles() {
            List<String> roles = new ArrayList<>();
            if (manager) {
                roles.add("事業所管理者");
            }
            if (admin) {
                roles.add("MCS管理者");
            }
            if (coordinator) {
                roles.add("担当者");
            }
            return String.join("・", roles);
        }
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public StaffList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public String title() {
        return "職員";
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("q", "氏名・ふりがな"), Filter.text("profession", "職種"),
                Filter.choice("status", "状態", Labels.STAFF_STATUS),
                Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.linked("ユーザーID", Row::userId, row -> "/register/staff/" + row.id()),
                Column.of("氏名", Row::name), Column.of("ふりがな", Row::kana), Column.of("職種", Row::profession),
                Column.of("事業所", Row::facilityName), Column.of("役割", Row::roles),
                Column.of("状態", row -> Labels.of(Labels.STAFF_STATUS, row.status())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = visibility.staff(new Where())
                .and(PersonSearch.condition("s.name", "s.kana") + " OR " + PersonSearch.column("s.display_name") + " LIKE :q", "q",
                        PersonSearch.pattern(criteria, "q"))
                .and("s.profession LIKE :profession", "profession", Criteria.contains(criteria, "profession"))
                .and("s.status = :status", "status", Criteria.text(criteria, "status"))
                .and("s.facility_id = :facility", "facility", Criteria.text(criteria, "facility"));
        return new Listing<>(jdbc, """
                s.id, s.user_id, s.name, s.kana, s.profession, f.name AS facility_name, s.status,
                """ + hasRole("MANAGER") + " AS manager, " + hasRole("MCS_ADMIN") + " AS admin, "
                + hasRole("COORDINATOR") + " AS coordinator",
                "staff s JOIN facility f ON f.id = s.facility_id", where, "s.facility_id, s.kana, s.id",
                Row.class);
    }

    private static String hasRole(String role) {
        return "EXISTS (SELECT 1 FROM role_assignment r WHERE r.staff_id = s.id AND r.role = '" + role
                + "' AND r.valid_to IS NULL)";
    }
}
