package org.mcsgov.staff;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.PledgeRegister.Status;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.facility.FacilityWithdrawals;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.mcs.McsAction;
import org.mcsgov.mcs.McsActionLog;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "staff-offboarding" (N1-3, N3-7, A8-5, A9-1): lock first, hand coordinated groups over, end every
 * membership through membership-removal, get devices back, the pledge acknowledged, MCS released, then LEFT.
 */
@Component
public class OffboardingSteps {

    private static final Logger log = LoggerFactory.getLogger(OffboardingSteps.class);

    /** Set by facility-withdrawal when it calls this process for each of the facility's staff. */
    private static final String WITHDRAWAL = "withdrawalId";

    private final DirectoryService directory;
    private final FacilityWithdrawals withdrawals;
    private final GroupService groups;
    private final PledgeRegister pledges;
    private final McsActionLog mcsActionLog;
    private final String deviceReturnWithin;
    private final String withdrawalWait;

    /**
     * deviceReturnWithin: when a device return task becomes overdue (mcs.offboarding.device-return-within);
     * withdrawalWait: how long 退会 is waited for before スタッフ解除 is asked instead (mcs.offboarding.withdrawal-wait).
     */
    public OffboardingSteps(DirectoryService directory, FacilityWithdrawals withdrawals, GroupService groups,
                            PledgeRegister pledges, McsActionLog mcsActionLog,
                            OffboardingProperties settings) {
        this.directory = directory;
        this.withdrawals = withdrawals;
        this.groups = groups;
        this.pledges = pledges;
        this.mcsActionLog = mcsActionLog;
        this.deviceReturnWithin = settings.deviceReturnWithin();
        this.withdrawalWait = settings.withdrawalWait();
    }

    /** Read by the boundary timer of the 退会 confirmation. */
    public String getWithdrawalWait() {
        return withdrawalWait;
    }

    /**
     * The lists of the choice when a person starts (nobody types a user id or a facility id): the facility's other
     * active staff and the association's other active facilities. The lock step reads the register again.
     */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            var leavers = directory.activeStaffOf(admin.facilityId()).stream().filter(s -> s.id() != admin.id())
                    .map(s -> new Vars.Option(s.name() + "（" + s.profession() + "）", s.userId())).toList();
            if (leavers.isEmpty()) {
                throw new UserError("登録を削除できる職員がいません", "no other active staff member in your facility");
            }
            execution.setVariable("leaverOptions", Vars.options(leavers));
            execution.setVariable("moveToOptions", Vars.options(directory.facilities().stream()
                    .filter(f -> !f.id().equals(admin.facilityId()) && directory.facilityActive(f.id()))
                    .map(f -> new Vars.Option(f.name(), f.id())).toList()));
        };
    }

    /**
     * Synchronous with the start (called by another procedure) or with the choice's completion: checks the request
     * and locks the account before anything else happens.
     */
    public JavaDelegate lock() {
        return execution -> {
            Staff admin = responsible(execution);
            String facilityId = facilityOf(execution, admin);
            String userId = Vars.text(execution, "leaverUserId", "退職・異動する人", 64);
            Staff leaver = directory.staffByUserId(userId)
                    .filter(s -> s.facilityId().equals(facilityId) && s.isActive())
                    .orElseThrow(() -> new UserError("この事業所の有効な職員ではありません: " + userId,
                            "not an active staff member of your facility: " + userId));
            if (leaver.id() == admin.id()) {
                throw new UserError("自分自身の退職手続きは、他のMCS管理者か事業所管理者に依頼してください",
                        "another administrator offboards you");
            }
            Vars.text(execution, "offboardingReason", "理由", 1000);
            String exit = Vars.choice(execution, "mcsExit", "MCSでの扱い", "release", "withdrawn");
            String moveTo = Vars.optionalText(execution, "moveToFacilityId", "異動先の事業所", 32);
            if (moveTo != null && (moveTo.equals(facilityId) || directory.facility(moveTo).isEmpty())) {
                throw new UserError("異動先の事業所IDが正しくありません: " + moveTo, "unknown or same facility: " + moveTo);
            }
            directory.lock(leaver.id());
            // the facility's staff list is none of the later steps' business (least knowledge)
            execution.removeVariable("leaverOptions");
            execution.removeVariable("moveToOptions");
            // the decision to revoke: every deadline in MCS of this leaver counts from here (N1-3, N3-7)
            execution.setVariable("revocationDecidedAt", Rows.now());
            execution.setProcessBusinessKey("offboarding:" + leaver.id());
            execution.setVariable("leaverStaffId", leaver.id());
            execution.setVariable("leaverLabel", leaver.name() + "（" + leaver.userId() + "、" + leaver.email() + "）");
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(facilityId));
            execution.setVariable("mcsExitAction",
                    ("release".equals(exit) ? McsAction.RELEASE_STAFF : McsAction.CONFIRM_WITHDRAWAL).name());
            execution.setVariable("mcsSubject", leaver.name() + "（" + leaver.email() + "）");
            execution.setVariable("pledgePoints", PledgeRegister.pointsText());
            execution.setVariable("deviceDueDate", Date.from(EngineClock.now().plus(Duration.parse(deviceReturnWithin))));
            coordinated(execution);
            log.info("[{}] {} locked by {}", execution.getBusinessKey(), leaver.userId(), admin.userId());
        };
    }

    /**
     * Who answers for this offboarding: the facility's MCS administrator who started it, or, when facility-withdrawal
     * calls it (withdrawalId, set by the calling process, is no form's field), the office member who started that.
     */
    private Staff responsible(DelegateExecution execution) {
        return execution.getVariable(WITHDRAWAL) == null
                ? directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN)
                : directory.requireActiveWithRole(Facts.starter(execution), Role.OFFICE);
    }

    /** The facility whose staff may be offboarded: the administrator's own, or the one being withdrawn. */
    private String facilityOf(DelegateExecution execution, Staff responsible) {
        Object withdrawalId = execution.getVariable(WITHDRAWAL);
        if (withdrawalId == null) {
            return responsible.facilityId();
        }
        return withdrawals.openFacility(((Number) withdrawalId).longValue()).orElseThrow(() -> new UserError(
                "利用終了の手続き中の事業所ではありません", "no open facility withdrawal: " + withdrawalId));
    }

    /** N3-7: 退会 not confirmed in time; its request is closed as replaced, スタッフ解除 is asked instead. */
    public JavaDelegate fallBackToRelease() {
        return execution -> {
            mcsActionLog.replaced(execution.getProcessBusinessKey(), McsAction.CONFIRM_WITHDRAWAL, "system");
            execution.setVariable("mcsExitAction", McsAction.RELEASE_STAFF.name());
            log.info("[{}] 退会 not confirmed within {}: スタッフ解除 asked instead", execution.getBusinessKey(),
                    withdrawalWait);
        };
    }

    /** N1-4: removal refuses a group's coordinator, so the leaver's groups are handed over first. */
    public JavaDelegate checkHandover() {
        return execution -> {
            if (coordinated(execution)) {
                throw new UserError("まだ担当者の引継ぎが済んでいないグループがあります: "
                        + execution.getVariable("coordinatedGroups"), "some groups still have the leaver as coordinator");
            }
        };
    }

    /** The collection of the multi-instance removal, read once when it starts. */
    public List<Long> openMemberships(long staffId) {
        return groups.currentMemberships(null, staffId, null).stream().map(Member::membershipId).toList();
    }

    /** A9-1: the pledge holds after leaving; the person or the administrator on their behalf acknowledged it. */
    public JavaDelegate checkAcknowledgement() {
        return execution -> {
            Vars.choice(execution, "acknowledgedBy", "確認した人", "person", "admin");
            if (!Boolean.TRUE.equals(execution.getVariable("pledgeAcknowledged"))) {
                throw new UserError("退職後も誓約が続くことの確認にチェックしてください", "the acknowledgement is required");
            }
            pledges.record(leaver(execution), Status.ACKNOWLEDGED, Facts.actor(execution),
                    execution.getProcessInstanceId());
        };
    }

    /** A8-5: out of the active register (LEFT, roles closed, Camunda user deleted); a mover's new facility recorded. */
    public JavaDelegate markLeft() {
        return execution -> {
            if (openMemberships((Long) execution.getVariable("leaverStaffId")).size() > 0) {
                throw new IllegalStateException("memberships still open for " + execution.getBusinessKey());
            }
            String moveTo = Vars.optionalText(execution, "moveToFacilityId", "異動先の事業所ID", 32);
            directory.markLeft(leaver(execution).id(), moveTo);
            log.info("[{}] left the register{}", execution.getBusinessKey(), moveTo == null ? "" : ", moving to " + moveTo);
        };
    }

    private boolean coordinated(DelegateExecution execution) {
        long staffId = (Long) execution.getVariable("leaverStaffId");
        List<Group> coordinated = groups.currentGroupsOf(staffId).stream()
                .filter(g -> g.isActive() && g.coordinatorStaffId() == staffId).toList();
        execution.setVariable("coordinatedGroups", coordinated.stream().map(Group::name)
                .collect(Collectors.joining("、")));
        execution.setVariable("hasCoordinatedGroups", !coordinated.isEmpty());
        return !coordinated.isEmpty();
    }

    private Staff leaver(DelegateExecution execution) {
        return directory.staff((Long) execution.getVariable("leaverStaffId")).orElseThrow();
    }
}
