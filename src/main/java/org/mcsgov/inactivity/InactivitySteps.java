package org.mcsgov.inactivity;

import static org.mcsgov.platform.Rows.now;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.account.AccountSchedules;
import org.mcsgov.account.LastLoginHints;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.directory.Deciders;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Lists;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Steps of "account-inactivity" and "account-inactivity-review" (NIST AC-2(3), A11-2: an account is one person's,
 * and one nobody uses is closed): each day the active accounts without a login for mcs.account.inactive-after are
 * listed, one review each for the facility's MCS administrators, who confirm (with a reason), start a suspension or
 * the offboarding; without an answer within mcs.account.inactive-lock-after the account is locked and the office
 * informed by a record.
 */
@Component
public class InactivitySteps {

    private static final Logger log = LoggerFactory.getLogger(InactivitySteps.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngineClock.ZONE);

    private final DirectoryService directory;
    private final Deciders deciders;
    private final AccountLock accountLock;
    private final AccountSchedules schedules;
    private final LastLoginHints lastLogins;
    private final JdbcClient jdbc;

    public InactivitySteps(DirectoryService directory, Deciders deciders, AccountLock accountLock,
                           AccountSchedules schedules, LastLoginHints lastLogins, JdbcClient jdbc) {
        this.directory = directory;
        this.deciders = deciders;
        this.accountLock = accountLock;
        this.schedules = schedules;
        this.lastLogins = lastLogins;
        this.jdbc = jdbc;
    }

    /**
     * Active staff of the facilities using MCS, not logged in since the limit (or never since activation, or since
     * a reactivation after an inactivity lock: InactivityReactivation), not under review.
     */
    public JavaDelegate findInactive() {
        return execution -> {
            Timestamp limit = Timestamp.from(EngineClock.now().minus(schedules.inactiveAfter()));
            List<String> ids = jdbc.sql("""
                    SELECT s.id FROM staff s JOIN facility f ON f.id = s.facility_id AND f.uses_mcs
                    WHERE s.status = 'ACTIVE' AND COALESCE(s.last_login_at, s.activated_at, s.created_at) < ?
                      AND NOT EXISTS (SELECT 1 FROM inactivity_review r WHERE r.staff_id = s.id AND r.status = 'OPEN')
                      AND NOT EXISTS (SELECT 1 FROM inactivity_reactivation x WHERE x.staff_id = s.id
                                      AND x.reactivated_at >= ?)
                    ORDER BY s.id""").params(limit, limit).query(Long.class).list().stream().map(String::valueOf).toList();
            execution.setVariable("targets", Lists.join(ids));
            log.info("[{}] {} inactive accounts to review", execution.getBusinessKey(), ids.size());
        };
    }

    /** The review's register row, the administrators' group and what they see. */
    public JavaDelegate open() {
        return execution -> {
            Staff person = person(execution);
            OffsetDateTime last = lastLogins.at(person.id());
            long id = Rows.insert(jdbc, """
                    INSERT INTO inactivity_review (staff_id, last_login_at, opened_at, status, process_instance_id)
                    VALUES (?, ?, ?, 'OPEN', ?)""", person.id(), last, now(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("inactivity:" + person.userId() + ":" + EngineClock.today());
            execution.setVariable("reviewId", id);
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(person.facilityId()));
            execution.setVariable("inactiveSummary", person.name() + "（" + person.userId() + "、" + person.profession()
                    + "）: 最終ログイン " + (last == null ? "なし" : DAY.format(last)) + "。"
                    + schedules.getInactiveLockAfter() + " 以内に回答がなければアカウントをロックします");
        };
    }

    /** The facility's MCS administrator, now, decides with a reason; the decision is recorded. */
    public JavaDelegate check() {
        return execution -> {
            Staff person = person(execution);
            Staff admin = deciders.require(Facts.actor(execution), person.facilityId(), Role.MCS_ADMIN);
            if (admin.id() == person.id()) {
                throw new UserError("自分のアカウントは他のMCS管理者が確認します", "another administrator reviews your account");
            }
            String decision = Vars.choice(execution, "inactivityDecision", "対応", "confirm", "suspend", "offboard");
            String reason = Vars.text(execution, "decisionReason", "理由", 1000);
            jdbc.sql("UPDATE inactivity_review SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?")
                    .params(Map.of("confirm", "CONFIRMED", "suspend", "SUSPENSION", "offboard", "OFFBOARDING")
                            .get(decision), admin.userId(), now(), reason, execution.getVariable("reviewId")).update();
            execution.setVariable("decidedBy", admin.userId());
        };
    }

    /** A suspension (user-suspension, the person preselected): its own procedure, started by the administrator. */
    public JavaDelegate startSuspension() {
        return execution -> {
            String instance = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey("user-suspension", Map.of("staffId", String.valueOf(person(execution).id()),
                            "suspensionReason", "使われていないアカウント（AC-2(3)）: " + execution.getVariable("decisionReason")))
                    .getId();
            execution.setVariable("followUpInstance", instance);
        };
    }

    /** The offboarding (staff-offboarding: locked at once, groups ended, released in MCS), started by the administrator. */
    public JavaDelegate startOffboarding() {
        return execution -> {
            String instance = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey("staff-offboarding", Map.of("leaverUserId", person(execution).userId(),
                            "offboardingReason", "使われていないアカウント（AC-2(3)）: " + execution.getVariable("decisionReason"),
                            "mcsExit", "release"))
                    .getId();
            execution.setVariable("followUpInstance", instance);
        };
    }

    /** No answer in time: the account is locked (login and tasks) and the office informed by a record. */
    public JavaDelegate lock() {
        return execution -> {
            Staff person = person(execution);
            accountLock.lock(person.userId());
            jdbc.sql("UPDATE staff SET status = 'LOCKED' WHERE id = ?").param(person.id()).update();
            jdbc.sql("UPDATE inactivity_review SET status = 'LOCKED', office_informed_at = ? WHERE id = ?")
                    .params(now(), execution.getVariable("reviewId")).update();
            execution.setVariable("officeNotice", "医師会事務局への連絡（AC-2(3)）: " + execution.getVariable("inactiveSummary")
                    + " — 回答がなかったためロックしました");
            log.info("[{}] {} locked: no answer to the inactivity review", execution.getBusinessKey(), person.userId());
        };
    }

    private Staff person(DelegateExecution execution) {
        long staffId = Long.parseLong((String) execution.getVariable("staffId"));
        return directory.staff(staffId).orElseThrow(() -> new UserError("職員が見つかりません: " + staffId,
                "no such staff member: " + staffId));
    }
}
