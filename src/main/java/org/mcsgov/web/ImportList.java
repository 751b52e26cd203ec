package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 初期移行 (register-import): every import with its status, rows done of the total while its chunks run, and its
 * errors; for the office only (the files name every person of the association).
 */
@Component
@Order(12)
public class ImportList implements RegisterList<ImportList.Row> {

    static final Map<String, String> STATUS = Labels.ordered("CHECKING", "試行中", "ERRORS", "誤りあり",
            "CHECKED", "確認待ち", "RUNNING", "取込中", "DONE", "完了", "CANCELLED", "取り込まない", "EXPIRED", "期限切れ");

    public record Row(long id, String status, int rowsDone, int rowsTotal, int rowsToCreate, int problems,
                      String problemText, String startedBy, OffsetDateTime startedAt, String decidedBy,
                      OffsetDateTime finishedAt, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;

    public ImportList(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "imports";
    }

    @Override
    public String title() {
        return "初期移行";
    }

    @Override
    public boolean visible() {
        return visibility.isOffice();
    }

    @Override
    public List<Filter> filters() {
        return List.of(Filter.choice("status", "状態", STATUS));
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("番号", Row::id), Column.of("状態", row -> Labels.of(STATUS, row.status())),
                Column.of("進捗（行）", row -> row.rowsDone() + " / " + row.rowsTotal()),
                Column.of("新規の予定", Row::rowsToCreate), Column.of("誤り", Row::problems),
                Column.of("誤りの内容", Row::problemText), Column.of("開始者", Row::startedBy),
                Column.of("開始", Row::startedAt), Column.of("確認者", Row::decidedBy), Column.of("終了", Row::finishedAt),
                Column.linked("プロセス", Row::processInstanceId, row -> Links.cockpit(row.processInstanceId())));
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        // the page is the office's alone (visible); the rows need no further scope
        Where where = new Where().and("i.status = :status", "status", Criteria.text(criteria, "status"));
        return new Listing<>(jdbc, """
                i.id, i.status, i.rows_done, i.rows_total, i.rows_to_create, i.problems, i.problem_text, i.started_by,
                i.started_at, i.decided_by, i.finished_at, i.process_instance_id""", "register_import i", where,
                "i.id DESC", Row.class);
    }
}
