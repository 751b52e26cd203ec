package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * MCSとの差異 (突合, N1-3): the people found in MCS but not in the register — by reviewers in a group (per campaign and
 * originating facility: removal in MCS, or late registration through the invitation's approval) and by MCS
 * administrators in their facility's staff list (スタッフ解除 in MCS) — with the process that does it. The office.
 */
@Component
@Order(11)
public class ReviewDifferenceList implements RegisterList<ReviewDifferenceList.Row> {

    public record Row(long id, String source, Long campaignId, String facilityName, String groupName, String personName,
                      String personFacility, String resolution, String reportedBy, OffsetDateTime reportedAt,
                      String processInstanceId) {
    }

    static final Map<String, String> RESOLUTION = Labels.ordered("REMOVE_IN_MCS", "MCSから外す",
            "LATE_REGISTRATION", "招待の承認を経て台帳に登録", "RELEASE_IN_MCS", "MCSでスタッフ解除");
    static final Map<String, String> SOURCE = Labels.ordered("GROUP_REVIEW", "グループの見直し",
            "STAFF_LIST", "職員一覧の突合");

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public ReviewDifferenceList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "review-differences";
    }

    @Override
    public String title() {
        return "MCSとの差異";
    }

    @Override
    public boolean visible() {
        return visibility.isOffice();
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.choice("source", "突合", SOURCE), Filter.text("campaign", "キャンペーン"),
                Filter.choice("resolution", "対応", RESOLUTION),
                Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("突合", row -> Labels.of(SOURCE, row.source())),
                Column.linked("キャンペーン", Row::campaignId, row -> row.campaignId() == null ? null
                        : "/register/review-groups?campaign=" + row.campaignId()),
                Column.of("事業所", Row::facilityName), Column.of("グループ", Row::groupName),
                Column.of("MCSにいた人", Row::personName), Column.of("その人の事業所", Row::personFacility),
                Column.of("対応", row -> Labels.of(RESOLUTION, row.resolution())), Column.of("報告者", Row::reportedBy),
                Column.of("報告", Row::reportedAt),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = new Where().and("d.source = :source", "source", Criteria.text(criteria, "source"))
                .and("d.campaign_id = :campaign", "campaign", Criteria.number(criteria, "campaign"))
                .and("d.resolution = :resolution", "resolution", Criteria.text(criteria, "resolution"))
                .and("d.facility_id = :facility", "facility", Criteria.text(criteria, "facility"));
        return new Listing<>(jdbc, """
                d.id, d.source, d.campaign_id, f.name AS facility_name, g.name AS group_name, d.person_name, d.person_facility,
                d.resolution, d.reported_by, d.reported_at, d.process_instance_id""", """
                review_difference d JOIN facility f ON f.id = d.facility_id LEFT JOIN patient_group g ON g.id = d.group_id""",
                where, "d.id DESC", Row.class);
    }
}
