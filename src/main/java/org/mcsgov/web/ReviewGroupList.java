package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 見直しの結果 (N1-3): a campaign's report, one row per group: reviewer, decision, members kept and removed. */
@Component
@Order(8)
public class ReviewGroupList implements RegisterList<ReviewGroupList.Row> {

    public record Row(long campaignId, long groupId, String groupName, String facilityName, String reviewer,
                      String status, String decidedBy, OffsetDateTime decidedAt, long kept, long removed,
                      long alreadyLeft, boolean archiveProposed, String justification, String processInstanceId) {
    }

    static final Map<String, String> STATUS = Labels.ordered("OPEN", "未判断", "DECIDED", "判断済み",
            "DEFAULT", "無回答（既定を適用）", "ARCHIVED", "保管");

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public ReviewGroupList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "review-groups";
    }

    @Override
    public String title() {
        return "見直しの結果";
    }

    @Override
    public boolean visible() {
        return visibility.isOffice();
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("campaign", "キャンペーン"), Filter.choice("status", "状態", STATUS),
                Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("キャンペーン", Row::campaignId),
                Column.linked("グループ", Row::groupName, row -> "/register/groups/" + row.groupId()),
                Column.of("事業所", Row::facilityName), Column.of("見直す人", Row::reviewer),
                Column.of("状態", row -> Labels.of(STATUS, row.status())), Column.of("判断した人", Row::decidedBy),
                Column.of("判断日時", Row::decidedAt), Column.of("残す", Row::kept), Column.of("外す", Row::removed),
                Column.of("既に離脱", Row::alreadyLeft), Column.of("保管の提案", Row::archiveProposed),
                Column.of("理由", Row::justification),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = new Where()
                .and("r.campaign_id = :campaign", "campaign", Criteria.number(criteria, "campaign"))
                .and("r.status = :status", "status", Criteria.text(criteria, "status"))
                .and("r.facility_id = :facility", "facility", Criteria.text(criteria, "facility"));
        return new Listing<>(jdbc, """
                r.campaign_id, r.group_id, g.name AS group_name, f.name AS facility_name,
                COALESCE(r.reviewer_user_id, 'MCS管理者') AS reviewer, r.status,
                r.decided_by, r.decided_at,
                (SELECT COUNT(*) FROM review_decision d WHERE d.review_id = r.id AND d.decision = 'KEEP') AS kept,
                (SELECT COUNT(*) FROM review_decision d WHERE d.review_id = r.id AND d.decision = 'REMOVE') AS removed,
                (SELECT COUNT(*) FROM review_decision d WHERE d.review_id = r.id AND d.decision = 'LEFT') AS already_left,
                r.archive_proposed, r.justification, r.process_instance_id""",
                "group_review r JOIN patient_group g ON g.id = r.group_id JOIN facility f ON f.id = r.facility_id",
                where, "r.campaign_id DESC, r.id", Row.class);
    }
}
