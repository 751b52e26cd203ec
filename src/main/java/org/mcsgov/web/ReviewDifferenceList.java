package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * MCSとの差異 (突合, N1-3): the people reviewers found in a group in MCS but not in the register, per campaign and
 * originating facility, with what became of each (removal in MCS, late registration through the invitation's
 * approval) and the process that does it. The office, as the campaign reports.
 */
@Component
@Order(11)
public class ReviewDifferenceList implements RegisterList<ReviewDifferenceList.Row> {

    public record Row(long id, long campaignId, String facilityName, String groupName, String personName,
                      String personFacility, String resolution, String reportedBy, OffsetDateTime reportedAt,
                      String processInstanceId) {
    }

    static final Map<String, String> RESOLUTION = Labels.ordered("REMOVE_IN_MCS", "MCSから外す",
            "LATE_REGISTRATION", "招待の承認を経て台帳に登録");

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
        return List.of(Filter.text("campaign", "キャンペーン"), Filter.choice("resolution", "対応", RESOLUTION),
                Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.linked("キャンペーン", Row::campaignId, row -> "/register/review-groups?campaign="
                        + row.campaignId()), Column.of("事業所", Row::facilityName), Column.of("グループ", Row::groupName),
                Column.of("MCSにいた人", Row::personName), Column.of("その人の事業所", Row::personFacility),
                Column.of("対応", row -> Labels.of(RESOLUTION, row.resolution())), Column.of("報告者", Row::reportedBy),
                Column.of("報告", Row::reportedAt),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = new Where().and("d.campaign_id = :campaign", "campaign", Criteria.number(criteria, "campaign"))
                .and("d.resolution = :resolution", "resolution", Criteria.text(criteria, "resolution"))
                .and("d.facility_id = :facility", "facility", Criteria.text(criteria, "facility"));
        return new Listing<>(jdbc, """
                d.id, d.campaign_id, f.name AS facility_name, g.name AS group_name, d.person_name, d.person_facility,
                d.resolution, d.reported_by, d.reported_at, d.process_instance_id""", """
                review_difference d JOIN facility f ON f.id = d.facility_id JOIN patient_group g ON g.id = d.group_id""",
                where, "d.campaign_id DESC, f.name, d.id", RecordRows.of(Row.class));
    }
}
