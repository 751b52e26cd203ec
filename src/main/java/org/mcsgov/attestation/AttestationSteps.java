package org.mcsgov.attestation;

import static org.mcsgov.platform.Rows.now;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Lists;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Steps of "password-attestation" and "password-attestation-person" (A11-1, A11-3, A11-4): every active staff
 * member attests, each period, that they changed their MCS password, keep it to themselves and log out after use.
 */
@Component
public class AttestationSteps {

    private static final Logger log = LoggerFactory.getLogger(AttestationSteps.class);

    /** One attestation request of a person, as the read endpoint shows it. */
    public record Attestation(long id, String userId, OffsetDateTime requestedAt, String status,
                              OffsetDateTime attestedAt, OffsetDateTime nextDueAt, String processInstanceId) {
    }

    private final DirectoryService directory;
    private final JdbcClient jdbc;
    private final Schedules schedules;

    public AttestationSteps(DirectoryService directory, JdbcClient jdbc, Schedules schedules) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.schedules = schedules;
    }

    /** Active staff of every facility using MCS, or only of the facilities in the variable facilityIds. */
    public JavaDelegate loadStaff() {
        return execution -> {
            List<String> only = new Lists().split((String) execution.getVariable("facilityIds"));
            List<String> userIds = directory.activeStaffOfMcsFacilities().stream()
                    .filter(s -> only.isEmpty() || only.contains(s.facilityId())).map(Staff::userId).toList();
            execution.setVariable("targets", Lists.join(userIds));
            log.info("[{}] password attestation campaign for {} staff members", execution.getBusinessKey(), userIds.size());
        };
    }

    public JavaDelegate prepare() {
        return execution -> {
            Staff person = person((String) execution.getVariable("userId"));
            execution.setProcessBusinessKey("attestation:" + person.userId() + ":" + EngineClock.today());
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(person.facilityId()));
            long id = Rows.insert(jdbc, """
                    INSERT INTO password_attestation (staff_id, requested_at, status, process_instance_id)
                    VALUES (?, ?, 'OPEN', ?)""", person.id(), now(), execution.getProcessInstanceId());
            execution.setVariable("attestationId", id);
        };
    }

    /** The three statements, by the person themself; the next change falls due mcs.attestation.next-change-within later. */
    public JavaDelegate record() {
        return execution -> {
            String userId = (String) execution.getVariable("userId");
            if (!userId.equals(Vars.actor(execution, "userId"))) {
                throw new UserError("確認できるのは本人だけです", "only the person may attest");
            }
            Vars.confirmed(execution, "passwordChanged", "パスワードを変更しました");
            Vars.confirmed(execution, "passwordSecret", "パスワードを他人に知らせていません");
            Vars.confirmed(execution, "logsOut", "使用後はログアウトしています");
            // A11-3: changed at least every two months, counted from this change (the requests follow the calendar)
            var nextDue = Timestamp.from(EngineClock.now().atZone(EngineClock.ZONE)
                    .plus(java.time.Period.parse(schedules.getAttestationNextChangeWithin())).toInstant());
            jdbc.sql("""
                    UPDATE password_attestation SET status = 'ATTESTED', attested_at = ?, next_due_at = ?
                    WHERE id = ?""").params(now(), nextDue,
                    execution.getVariable("attestationId")).update();
            log.info("[{}] {} attested", execution.getBusinessKey(), userId);
        };
    }

    /** Overdue: marked in the register, and the summary the administrator sees. */
    public JavaDelegate overdue() {
        return execution -> {
            Staff person = person((String) execution.getVariable("userId"));
            jdbc.sql("UPDATE password_attestation SET status = 'OVERDUE' WHERE id = ? AND status = 'OPEN'")
                    .param(execution.getVariable("attestationId")).update();
            execution.setVariable("overdueSummary", person.name() + "（" + person.userId() + "、" + person.profession()
                    + "）: パスワード管理の確認が期限を過ぎています");
            log.info("[{}] {} overdue: escalated to {}", execution.getBusinessKey(), person.userId(),
                    execution.getVariable("adminGroup"));
        };
    }

    public List<Attestation> history(long staffId) {
        return jdbc.sql("""
                SELECT a.id, s.user_id, a.requested_at, a.status, a.attested_at, a.next_due_at, a.process_instance_id
                FROM password_attestation a JOIN staff s ON s.id = a.staff_id
                WHERE a.staff_id = ? ORDER BY a.requested_at DESC, a.id DESC""")
                .param(staffId).query(RecordMapper.of(Attestation.class)).list();
    }

    private Staff person(String userId) {
        return directory.staffByUserId(userId).orElseThrow(() -> new UserError(
                "職員が見つかりません: " + userId, "no such staff member: " + userId));
    }
}
