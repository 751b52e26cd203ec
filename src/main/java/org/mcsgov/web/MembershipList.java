package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * メンバー履歴 (A8-1): every membership of the groups the viewer reads, with who invited, who approved, when, and how
 * it ended; "on" gives everyone who could see a group at some time on day D.
 */
@Component
@Order(4)
public class MembershipList implements RegisterList<MembershipList.Row> {

    public record Row(long id, long groupId, String groupName, long staffId, String userId, String name,
                      String facilityName, String profession, String role, OffsetDateTime validFrom,
                      OffsetDateTime validTo, String invitedBy, String approvedBy, String openedProcessInstanceId,
                      String closedBy, String closeReason, String closedProcessInstanceId) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public MembershipList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "memberships";
    }

    @Override
    public String title() {
        return "メンバー履歴";
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("group", "グループID"), Filter.text("q", "氏名・ふりがな"),
                Filter.date("on", "この日のメンバー"), Filter.choice("current", "現在", Map.of("true", "現在のメンバーのみ")));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.linked("グループ", Row::groupName, row -> "/register/groups/" + row.groupId()),
                Column.linked("氏名", Row::name, row -> "/register/staff/" + row.staffId()),
                Column.of("ユーザーID", Row::userId), Column.of("事業所", Row::facilityName),
                Column.of("職種", Row::profession), Column.of("役割", row -> Labels.of(Labels.MEMBER_ROLE, row.role())),
                Column.of("参加", Row::validFrom), Column.of("終了", Row::validTo),
                Column.of("招待者", Row::invitedBy), Column.of("承認者", Row::approvedBy),
                Column.linked("参加プロセス", Row::openedProcessInstanceId,
                        row -> Links.cockpit(row.openedProcessInstanceId())),
                Column.of("終了者", Row::closedBy), Column.of("終了理由", Row::closeReason),
                Column.linked("終了プロセス", Row::closedProcessInstanceId,
                        row -> Links.cockpit(row.closedProcessInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = visibility.memberships(new Where())
                .and("m.group_id = :group", "group", Criteria.number(criteria, "group"))
                // the people found first, then their memberships by index (the joins below keep their order)
                .and("m.staff_id IN (SELECT ps.id FROM staff ps WHERE " + PersonSearch.condition("ps.name", "ps.kana")
                        + ")", "q", PersonSearch.pattern(criteria, "q"));
        if (Boolean.TRUE.equals(Criteria.yesNo(criteria, "current"))) {
            where.and("m.valid_to IS NULL");
        }
        Criteria.validOn(where, "m", Criteria.day(criteria, "on"));
        // LEFT JOINs, though every membership has its group and its person (NOT NULL foreign keys: the same rows): H2
        // keeps the order of outer joins, so it reads the memberships newest first by their key and stops at the
        // page; with inner joins it started from the facilities and sorted all 50,000 (RegisterPagesBenchmark)
        return new Listing<>(jdbc, """
                m.id, m.group_id, g.name AS group_name, m.staff_id, s.user_id, s.name, f.name AS facility_name,
                s.profession, m.role, m.valid_from, m.valid_to, """ + PersonName.of("m.invited_by", "invited_by") + ", "
                + PersonName.of("m.approved_by", "approved_by") + """
                , m.opened_process_instance_id, """ + PersonName.of("m.closed_by", "closed_by") + """
                , m.close_reason, m.closed_process_instance_id""",
                "membership m LEFT JOIN patient_group g ON g.id = m.group_id LEFT JOIN staff s ON s.id = m.staff_id "
                        + "LEFT JOIN facility f ON f.id = s.facility_id",
                where, "m.id DESC", Row.class);
    }
}
