package org.mcsgov.facility;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "facility-withdrawal" (利用終了; A7, A8-5, N1-2): the association office ends a facility's use. Its groups
 * go to another facility (group-transfer) or to the archive (group-archive) first, because both are started by the
 * facility's own MCS administrator, who must still be there; then every active person is offboarded
 * (staff-offboarding, called per person with the office responsible); the office confirms and the facility is
 * WITHDRAWN. Every fact comes from the register or the authenticated user, never from a form.
 */
@Component
public class WithdrawalSteps {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalSteps.class);

    private final DirectoryService directory;
    private final GroupService groups;
    private final FacilityWithdrawals withdrawals;
    private final String escalateAfter;

    /** escalateAfter: when groups not yet handed over are told to the office (mcs.withdrawal.escalate-after). */
    public WithdrawalSteps(DirectoryService directory, GroupService groups, FacilityWithdrawals withdrawals,
                           WithdrawalProperties settings) {
        this.directory = directory;
        this.groups = groups;
        this.withdrawals = withdrawals;
        this.escalateAfter = settings.escalateAfter();
    }

    /** Read by the groups task's boundary timer. */
    public String getEscalateAfter() {
        return escalateAfter;
    }

    /**
     * The list of the choice (nobody types a facility id): the facilities taking part now (ACTIVE), the association
     * itself excepted. The begin step reads the register again when the choice is completed.
     */
    public JavaDelegate loadOptions() {
        return execution -> {
            directory.requireActiveWithRole(Facts.starter(execution), Role.OFFICE);
            var facilities = directory.facilities().stream()
                    .filter(f -> f.kind() != FacilityKind.ASSOCIATION && directory.facilityActive(f.id()))
                    .map(f -> new Vars.Option(f.name() + "（" + f.id() + "）", f.id())).toList();
            if (facilities.isEmpty()) {
                throw new UserError("利用中の事業所がありません", "no active facility to withdraw");
            }
            execution.setVariable("facilityOptions", Vars.options(facilities));
        };
    }

    /**
     * The office chose an offered facility (the InputGate refuses any other value); the register decides whether it
     * still takes part, and it stops taking part at once (N1-2).
     */
    public JavaDelegate begin() {
        return execution -> {
            Staff office = directory.requireActiveWithRole(Facts.actor(execution), Role.OFFICE);
            String facilityId = Vars.text(execution, "withdrawFacilityId", "利用を終える事業所", 32);
            String reason = Vars.text(execution, "withdrawalReason", "理由", 1000);
            Facility facility = directory.facility(facilityId)
                    .filter(f -> f.kind() != FacilityKind.ASSOCIATION)
                    .orElseThrow(() -> new UserError("登録されている事業所ではありません: " + facilityId,
                            "not a registered facility: " + facilityId));
            long withdrawalId = withdrawals.begin(facilityId, reason, office.userId(),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey("facility-withdrawal:" + facilityId);
            execution.setVariable("facilityId", facilityId);
            execution.setVariable("withdrawalId", withdrawalId);
            execution.setVariable("facilityLabel", facility.name() + "（" + facilityId + "）");
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(facilityId));
            // the groups task is the facility's MCS administrators' and the office's: one variable naming both, so that
            // the model's candidate groups stay a plain ${variable} (Tasklist splits the list at the comma)
            execution.setVariable("groupsCandidates",
                    Role.MCS_ADMIN.groupId(facilityId) + "," + Role.OFFICE.groupId(null));
            listGroups(execution);
            log.info("[{}] withdrawal begun by {}", execution.getBusinessKey(), office.userId());
        };
    }

    /**
     * The facility's MCS administrator (or the office) says every group was handed over or archived, or the office
     * cancels; the register decides whether any active group remains.
     */
    public JavaDelegate checkGroups() {
        return execution -> {
            String decision = Vars.choice(execution, "groupsDecision", "グループの扱い", "done", "cancel");
            String actor = Facts.actor(execution);
            if ("cancel".equals(decision)) {
                directory.requireActiveWithRole(actor, Role.OFFICE);
                Vars.text(execution, "withdrawalComment", "取り下げの理由", 1000);
                return;
            }
            if (!isOffice(actor)) {
                Staff admin = directory.requireActiveWithRole(actor, Role.MCS_ADMIN);
                if (!admin.facilityId().equals(Facts.facility(execution))) {
                    throw new UserError("この事業所のMCS管理者ではありません", "not an MCS administrator of this facility");
                }
            }
            if (listGroups(execution)) {
                throw new UserError("まだ引継ぎか保管が済んでいないグループがあります: "
                        + execution.getVariable("remainingGroups"), "some groups are still active at the facility");
            }
        };
    }

    /** The office is told that the groups were not handed over in time (a record and a variable in Cockpit). */
    public JavaDelegate escalate() {
        return execution -> {
            withdrawals.escalated((Long) execution.getVariable("withdrawalId"));
            execution.setVariable("officeNotice", "グループの引継ぎ・保管が期限（" + escalateAfter + "）までに済んでいません: "
                    + execution.getVariable("facilityLabel"));
            log.info("[{}] groups not handed over within {}: the office is told", execution.getBusinessKey(),
                    escalateAfter);
        };
    }

    /** The collection of the multi-instance offboarding, read when it starts: every active person of the facility. */
    public List<String> staffToOffboard(String facilityId) {
        return withdrawals.activeUserIds(facilityId);
    }

    /** After the offboarding: someone who became active meanwhile is offboarded too (the loop back). */
    public JavaDelegate checkRemaining() {
        return execution -> {
            boolean remaining = !withdrawals.activeUserIds(Facts.facility(execution)).isEmpty();
            execution.setVariable("staffRemaining", remaining);
            execution.setVariable("withdrawalSummary", summary(execution));
        };
    }

    /** A7, A8-5: the office confirms; the register must show nobody, no group and no device left. */
    public JavaDelegate checkConfirm() {
        return execution -> {
            directory.requireActiveWithRole(Facts.actor(execution), Role.OFFICE);
            Vars.confirmed(execution, "withdrawalConfirmed", "利用終了の確認");
            Vars.optionalText(execution, "withdrawalComment", "コメント", 1000);
            String facilityId = Facts.facility(execution);
            if (!withdrawals.liveStaff(facilityId).isEmpty() || !groups.activeGroupsOf(facilityId).isEmpty()
                    || !withdrawals.devicesOut(facilityId).isEmpty()) {
                execution.setVariable("withdrawalSummary", summary(execution));
                throw new UserError("まだ残っているものがあります: " + execution.getVariable("withdrawalSummary"),
                        "staff, groups or devices remain at the facility");
            }
        };
    }

    public JavaDelegate withdraw() {
        return execution -> {
            withdrawals.withdraw((Long) execution.getVariable("withdrawalId"), Facts.facility(execution),
                    Facts.actor(execution), (String) execution.getVariable("withdrawalComment"),
                    execution.getProcessInstanceId());
            log.info("[{}] withdrawn", execution.getBusinessKey());
        };
    }

    public JavaDelegate cancel() {
        return execution -> {
            withdrawals.cancel((Long) execution.getVariable("withdrawalId"), Facts.facility(execution),
                    Facts.actor(execution), (String) execution.getVariable("withdrawalComment"),
                    execution.getProcessInstanceId());
            log.info("[{}] withdrawal cancelled", execution.getBusinessKey());
        };
    }

    /** The active groups the facility originates, shown in the groups task; whether any remain. */
    private boolean listGroups(DelegateExecution execution) {
        List<Group> active = groups.activeGroupsOf(Facts.facility(execution));
        execution.setVariable("remainingGroups", active.isEmpty() ? "（なし）"
                : active.stream().map(Group::name).collect(Collectors.joining("、")));
        return !active.isEmpty();
    }

    private String summary(DelegateExecution execution) {
        String facilityId = Facts.facility(execution);
        List<String> staff = withdrawals.liveStaff(facilityId);
        List<String> devices = withdrawals.devicesOut(facilityId);
        List<Group> active = groups.activeGroupsOf(facilityId);
        return "職員: " + (staff.isEmpty() ? "なし" : String.join("、", staff))
                + " ／ グループ: " + (active.isEmpty() ? "なし" : active.stream().map(Group::name)
                        .collect(Collectors.joining("、")))
                + " ／ 貸出中の端末: " + (devices.isEmpty() ? "なし" : String.join("、", devices));
    }

    private boolean isOffice(String userId) {
        return directory.staffByUserId(userId).filter(Staff::isActive)
                .map(s -> directory.activeRoles(s.id()).contains(Role.OFFICE)).orElse(false);
    }
}
