package org.mcsgov.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.mcsgov.platform.Schedules;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 定期業務の予定 (N1-3, A8-5, A9-2, A11-1): the next date of every periodic duty, read from the engine's timer start jobs,
 * with its calendar rule, so the office sees that a release did not move them. The office only.
 */
@Component
@Order(10)
public class PeriodicDutyList implements RegisterList<PeriodicDutyList.Row> {

    public record Row(String processKey, String processName, int version, LocalDateTime nextAt, String jobId) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final Schedules schedules;

    public PeriodicDutyList(JdbcClient jdbc, Visibility visibility, Schedules schedules) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.schedules = schedules;
    }

    @Override
    public String name() {
        return "periodic-duties";
    }

    @Override
    public String title() {
        return "定期業務の予定";
    }

    @Override
    public boolean visible() {
        return visibility.isOffice();
    }

    @Override
    public List<Filter> filters() {
        return List.of();
    }

    @Override
    public List<Column<Row>> columns() {
        return List.of(Column.of("業務", Row::processName), Column.of("プロセス", Row::processKey),
                Column.of("版", Row::version), Column.of("次回", Row::nextAt),
                Column.of("規則（cron）", row -> cycle(row.processKey())));
    }

    private String cycle(String processKey) {
        return switch (processKey) {
            case "security-training" -> schedules.getTrainingCycle();
            case "password-attestation" -> schedules.getAttestationCycle();
            case "membership-review-cycle" -> schedules.getReviewCycle();
            case "staff-reconciliation" -> schedules.getStaffReconciliationCycle();
            default -> "";
        };
    }

    @Override
    public Listing<Row> rows(Map<String, String> criteria) {
        // the engine's own tables: one timer job per timer start event of the deployed (latest) definitions
        return new Listing<>(jdbc, "d.KEY_ AS process_key, d.NAME_ AS process_name, d.VERSION_ AS version, "
                + "j.DUEDATE_ AS next_at, j.ID_ AS job_id",
                "ACT_RU_JOB j JOIN ACT_RE_PROCDEF d ON d.ID_ = j.PROCESS_DEF_ID_",
                new Where().and("j.HANDLER_TYPE_ = 'timer-start-event'"), "j.DUEDATE_, j.ID_", Row.class);
    }
}
