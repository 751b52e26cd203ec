package org.mcsgov.decision;

import static org.mcsgov.platform.Rows.now;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.RecordMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every decision of an approval-like step, append-only (DESIGN.md §3b). The 承認履歴 that forms show is read from
 * here, never retyped.
 */
@Service
public class DecisionLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;

    public DecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String step, String comment, String decidedBy, OffsetDateTime decidedAt,
                        String processInstanceId) {
    }

    public void record(String subjectType, long subjectId, Step step, String comment, String decidedBy,
                       String processInstanceId) {
        jdbc.sql("""
                INSERT INTO decision_log (subject_type, subject_id, step, comment, decided_by, decided_at,
                    process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(subjectType, subjectId, step.name(), comment, decidedBy, now(), processInstanceId).update();
    }

    public List<Entry> entries(String subjectType, long subjectId) {
        return jdbc.sql("""
                SELECT step, comment, decided_by, decided_at, process_instance_id FROM decision_log
                WHERE subject_type = ? AND subject_id = ? ORDER BY decided_at, id""")
                .params(subjectType, subjectId).query(RecordMapper.of(Entry.class)).list();
    }

    /** One line per decision, oldest first, in the association's time zone. */
    public String history(String subjectType, long subjectId) {
        List<Entry> entries = entries(subjectType, subjectId);
        if (entries.isEmpty()) {
            return "（まだ記録はありません）";
        }
        return entries.stream().map(e -> TIME.format(e.decidedAt().atZoneSameInstant(EngineClock.ZONE)) + "  "
                        + e.decidedBy() + "  " + Step.valueOf(e.step()).label()
                        + (e.comment() == null ? "" : "：" + e.comment()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The decisions on earlier requests about the same person and group (ApprovalSubject.earlier), one line each,
     * marked with the request they belong to; reminders and escalations left out: they decided nothing.
     */
    public String earlierHistory(String subjectType, List<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return "";
        }
        List<String> lines = jdbc.sql("""
                        SELECT subject_id, step, comment, decided_by, decided_at FROM decision_log
                        WHERE subject_type = :type AND subject_id IN (:ids) AND step NOT IN ('REMIND', 'ESCALATE')
                        ORDER BY decided_at, id""").param("type", subjectType).param("ids", subjectIds)
                .query((rs, n) -> "#" + rs.getLong(1) + "  " + TIME.format(rs.getObject(5, OffsetDateTime.class)
                        .atZoneSameInstant(EngineClock.ZONE)) + "  " + rs.getString(4) + "  "
                        + Step.valueOf(rs.getString(2)).label()
                        + (rs.getString(3) == null ? "" : "：" + rs.getString(3))).list();
        return lines.isEmpty() ? "" : String.join("\n", lines);
    }

    /** The kinds of decision, with the words the forms show. */
    public enum Step {
        REQUEST("申請"), RESUBMIT("再申請"), APPROVE("承認"), REJECT("却下"), RETURN("差し戻し"), WITHDRAW("取り下げ"),
        REMIND("催促"), EXPIRE("期限切れ"), ACCEPT("参加・受諾"), DECLINE("辞退"), PATIENT_APPROVE("患者本人の承認"),
        PATIENT_REFUSE("患者本人の不承認"), MEMBER("参加を記録"), REMOVE("削除"), NOOP("変更なし"), HANDOVER("引継ぎ"),
        ESCALATE("エスカレーション"), BACK("返却の確認"), LOST("紛失"), TRANSFER("管理施設の変更");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
