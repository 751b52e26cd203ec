package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 監査ログ (A8-1, A8-3): logins and requests, newest first; the association office only. */
@Component
@Order(9)
public class AuditLogList implements RegisterList<AuditLogList.Row> {

    public record Row(long id, OffsetDateTime at, String event, String userId, String method, String path, int status,
                      String processInstanceId, String remoteAddress, String detail) {
    }

    static final Map<String, String> EVENT = Labels.ordered("LOGIN", "ログイン", "LOGIN_FAILED", "ログイン失敗",
            "LOGOUT", "ログアウト", "READ", "閲覧", "CHANGE", "変更");

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public AuditLogList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "audit-log";
    }

    @Override
    public String title() {
        return "監査ログ";
    }

    @Override
    public boolean visible() {
        return visibility.isOffice();
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.text("user", "ユーザーID"), Filter.choice("event", "種類", EVENT), Filter.text("path", "パス"),
                Filter.date("on", "日付"));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("日時", Row::at), Column.of("種類", row -> Labels.of(EVENT, row.event())), Column.of("ユーザーID", Row::userId),
                Column.of("メソッド", Row::method), Column.of("パス", Row::path), Column.of("応答", Row::status),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())),
                Column.of("接続元", Row::remoteAddress), Column.of("詳細", Row::detail));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        Where where = new Where()
                .and("a.user_id = :user", "user", Criteria.text(criteria, "user"))
                .and("a.event = :event", "event", Criteria.text(criteria, "event"))
                .and("a.path LIKE :path", "path", Criteria.contains(criteria, "path"));
        Criteria.onDay(where, "a.at", Criteria.day(criteria, "on"));
        return new Listing<>(jdbc, "a.id, a.at, a.event, a.user_id, a.method, a.path, a.status, a.process_instance_id, "
                + "a.remote_address, a.detail", "audit_log a", where, "a.id DESC", Row.class);
    }
}
