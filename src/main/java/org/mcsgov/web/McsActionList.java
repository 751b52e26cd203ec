package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.mcsgov.platform.Rows;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * MCSでの操作 (N3-8; deadlines N1-3, N2-2, N3-7): every change asked in MCS with its due date, reminder, escalation,
 * notice to the office and confirmation; revocations with the hours from the decision to the confirmation. The
 * responsible facility's managers and MCS administrators read its rows, the office all.
 */
@Component
@Order(8)
public class McsActionList implements RegisterList<McsActionList.Row> {

    public record Row(long id, String facilityName, String action, boolean revocation, String subject,
                      OffsetDateTime decidedAt, OffsetDateTime dueAt, OffsetDateTime remindedAt,
                      OffsetDateTime escalatedAt, OffsetDateTime officeNotifiedAt, OffsetDateTime closedAt,
                      String closedBy, String outcome, Long elapsedSeconds, boolean overdue, String processInstanceId) {
    }

    static final Map<String, String> ACTION = Labels.ordered("CREATE_PATIENT_GROUP", "患者グループの作成",
            "CREATE_FREE_GROUP", "自由グループの作成", "ARCHIVE_GROUP", "保管庫へ移動", "INVITE_MEMBER", "招待",
            "REMOVE_MEMBER", "メンバーの削除", "RELEASE_STAFF", "スタッフ解除", "CONFIRM_WITHDRAWAL", "退会の確認",
            "SUSPEND_STAFF", "利用停止", "RESTORE_STAFF", "利用停止の解除");
    static final Map<String, String> OUTCOME = Labels.ordered("DONE", "確定", "NOT_DONE", "実施せず（取消）",
            "REPLACED", "スタッフ解除に切替え");
    static final Map<String, String> STATE = Labels.ordered("open", "未確定", "overdue", "期限超過（未確定）",
            "closed", "終了");

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public McsActionList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "mcs-actions";
    }

    @Override
    public String title() {
        return "MCSでの操作";
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.choice("state", "状態", STATE), Filter.choice("revocation", "アクセスの取り消し", Labels.YES_NO),
                Filter.choice("action", "操作", ACTION), Filter.choice("facility", "事業所", visibility.facilityChoices()));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("番号", Row::id), Column.of("事業所", Row::facilityName),
                Column.of("操作", row -> Labels.of(ACTION, row.action())),
                Column.of("取り消し", row -> row.revocation() ? "はい" : ""), Column.of("対象", Row::subject),
                Column.of("決定", Row::decidedAt), Column.of("期限", Row::dueAt), Column.of("催促", Row::remindedAt),
                Column.of("エスカレーション", Row::escalatedAt), Column.of("事務局へ連絡", Row::officeNotifiedAt),
                Column.of("終了", Row::closedAt), Column.of("確定者", Row::closedBy),
                Column.of("結果", row -> row.outcome() == null ? (row.overdue() ? "期限超過" : "未確定")
                        : Labels.of(OUTCOME, row.outcome())),
                Column.of("所要時間（時間）", row -> RevocationTimes.hours(row.elapsedSeconds())),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        String state = Criteria.text(criteria, "state");
        Where where = visibility.managedOrOwn(new Where(), "a.facility_id", "a.closed_by")
                .and("a.action = :action", "action", Criteria.text(criteria, "action"))
                .and("a.revocation = :revocation", "revocation", Criteria.yesNo(criteria, "revocation"))
                .and("a.facility_id = :facility", "facility", Criteria.text(criteria, "facility"))
                .param("now", Rows.now());
        if ("open".equals(state)) {
            where.and("a.closed_at IS NULL");
        } else if ("overdue".equals(state)) {
            where.and("a.closed_at IS NULL AND a.due_at < :now");
        } else if ("closed".equals(state)) {
            where.and("a.closed_at IS NOT NULL");
        }
        return new Listing<>(jdbc, """
                a.id, f.name AS facility_name, a.action, a.revocation, a.subject, a.decided_at, a.due_at, a.reminded_at,
                a.escalated_at, a.office_notified_at, a.closed_at, a.closed_by, a.outcome, a.elapsed_seconds,
                CASE WHEN a.closed_at IS NULL AND a.due_at < :now THEN TRUE ELSE FALSE END AS overdue,
                a.process_instance_id""", "mcs_action a LEFT JOIN facility f ON f.id = a.facility_id", where,
                "a.id DESC", Row.class);
    }
}
