package org.mcsgov.staff;

import static org.mcsgov.platform.Rows.now;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
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
 * Steps of "user-suspension" (N2-2, N3-9): the facility's MCS administrator suspends a person at once (account
 * locked, task access gone, memberships marked suspended), the office is informed, and the administrator later
 * lifts the suspension or bans the person (every membership ended through membership-removal).
 */
@Component
public class SuspensionSteps {

    private static final Logger log = LoggerFactory.getLogger(SuspensionSteps.class);

    private final DirectoryService directory;
    private final GroupService groups;
    private final AccountLock accountLock;
    private final JdbcClient jdbc;

    public SuspensionSteps(DirectoryService directory, GroupService groups, AccountLock accountLock, JdbcClient jdbc) {
        this.directory = directory;
        this.groups = groups;
        this.accountLock = accountLock;
        this.jdbc = jdbc;
    }

    public JavaDelegate loadOptions() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            execution.setVariable("facilityId", admin.facilityId());
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(admin.facilityId()));
            // incident-report locks an account by calling this process with the person and the reason
            execution.setVariable("preselected", execution.getVariable("staffId") != null);
            execution.setVariable("staffOptions", Vars.options(directory.activeWithRole(admin.facilityId(), Role.STAFF)
                    .stream().filter(s -> s.id() != admin.id())
                    .map(s -> new Vars.Option(s.name() + "（" + s.userId() + "）", String.valueOf(s.id()))).toList()));
        };
    }

    /**
     * N2-2: the acting MCS administrator (the authenticated user, or in the job of a call from incident-report the
     * administrator that step recorded) suspends an active person of their own facility in the register.
     */
    public JavaDelegate check() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            long staffId = Vars.id(execution, "staffId", "停止する職員");
            Staff person = directory.staff(staffId).filter(Staff::isActive)
                    .filter(s -> s.facilityId().equals(admin.facilityId()))
                    .orElseThrow(() -> new UserError("停止できるのは自施設の有効な職員だけです: " + staffId,
                            "only an active staff member of your facility can be suspended: " + staffId));
            if (person.id() == admin.id()) {
                throw new UserError("自分自身は停止できません", "you cannot suspend yourself");
            }
            execution.setVariable("suspensionReason", Vars.text(execution, "suspensionReason", "停止の理由", 1000));
            execution.setVariable("suspendedUserId", person.userId());
            execution.setVariable("suspendedBy", admin.userId());
            // the facility's staff list is no business of the later tasks (least knowledge)
            execution.removeVariable("staffOptions");
        };
    }

    /** At once, in the transaction of the request: status, account lock, task access, memberships marked. */
    public JavaDelegate suspend() {
        return execution -> {
            Staff person = person(execution);
            String by = (String) execution.getVariable("suspendedBy");
            long id = Rows.insert(jdbc, """
                    INSERT INTO staff_suspension (staff_id, reason, suspended_by, suspended_at, status, process_instance_id)
                    VALUES (?, ?, ?, ?, 'SUSPENDED', ?)""", person.id(), execution.getVariable("suspensionReason"),
                    by, now(), execution.getProcessInstanceId());
            setStatus(person, Staff.Status.SUSPENDED);
            for (Member m : currentMemberships(person)) {
                jdbc.sql("INSERT INTO membership_suspension (suspension_id, membership_id) VALUES (?, ?)")
                        .params(id, m.membershipId()).update();
            }
            accountLock.lock(person.userId());
            execution.setVariable("suspensionId", id);
            execution.setVariable("mcsSubject", person.name() + "（" + person.userId() + "）");
            execution.setProcessBusinessKey("suspension:" + id);
            execution.setVariable("suspensionSummary", person.name() + "（" + person.userId() + "）を" + by
                    + "が停止: " + execution.getVariable("suspensionReason"));
            log.info("[{}] {} suspended by {}: account locked", execution.getBusinessKey(), person.userId(), by);
        };
    }

    public JavaDelegate informOffice() {
        return execution -> {
            jdbc.sql("UPDATE staff_suspension SET office_informed_at = ? WHERE id = ?")
                    .params(now(), execution.getVariable("suspensionId")).update();
            execution.setVariable("officeNotice", "医師会事務局への連絡（N2-2）: " + execution.getVariable("suspensionSummary"));
            log.info("[{}] office informed", execution.getBusinessKey());
        };
    }

    /** Lift or ban, with a reason; a ban needs the person's groups handed over first (N1-4). */
    public JavaDelegate checkDecision() {
        return execution -> {
            String decision = Vars.choice(execution, "suspensionDecision", "判断", "lift", "ban");
            Vars.text(execution, "decisionReason", "理由", 1000);
            Staff person = person(execution);
            execution.setVariable("decidedBy", deciderOf(execution, person).userId());
            List<Member> memberships = currentMemberships(person);
            if ("ban".equals(decision) && memberships.stream().anyMatch(m -> groups.group(m.groupId()).orElseThrow()
                    .coordinatorStaffId() == person.id())) {
                throw new UserError("この人が担当者のグループがあります。先に担当者の引継ぎ（coordinator-handover）をしてください（N1-4）",
                        "the person coordinates groups: hand them over first (N1-4)");
            }
            execution.setVariable("membershipIds", Lists.join(memberships.stream().map(Member::membershipId).toList()));
        };
    }

    public JavaDelegate lift() {
        return execution -> {
            Staff person = person(execution);
            decide(execution, SuspensionStatus.LIFTED);
            setStatus(person, Staff.Status.ACTIVE);
            accountLock.unlock(person, directory.activeRoles(person.id()));
            log.info("[{}] suspension of {} lifted", execution.getBusinessKey(), person.userId());
        };
    }

    public JavaDelegate ban() {
        return execution -> {
            Staff person = person(execution);
            decide(execution, SuspensionStatus.BANNED);
            setStatus(person, Staff.Status.BANNED);
            log.info("[{}] {} banned; memberships ended", execution.getBusinessKey(), person.userId());
        };
    }

    /** N2-2: whoever holds the task, the one deciding is, in the register now, an MCS administrator of the person's facility. */
    private Staff deciderOf(DelegateExecution execution, Staff person) {
        Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
        if (!admin.facilityId().equals(person.facilityId()) || admin.id() == person.id()) {
            throw new UserError("解除・利用禁止を判断できるのは、停止された人の事業所のMCS管理者だけです",
                    "only an MCS administrator of the suspended person's facility decides");
        }
        return admin;
    }

    private void decide(DelegateExecution execution, SuspensionStatus status) {
        jdbc.sql("""
                UPDATE staff_suspension SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
                WHERE id = ?""").params(status.name(), execution.getVariable("decidedBy"), now(),
                execution.getVariable("decisionReason"), execution.getVariable("suspensionId")).update();
    }

    private void setStatus(Staff person, Staff.Status status) {
        jdbc.sql("UPDATE staff SET status = ? WHERE id = ?").params(status.name(), person.id()).update();
    }

    private List<Member> currentMemberships(Staff person) {
        return groups.currentMemberships(null, person.id(), null);
    }

    private Staff person(DelegateExecution execution) {
        return directory.staff(Vars.id(execution, "staffId", "停止する職員")).orElseThrow();
    }
}
