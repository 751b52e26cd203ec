package org.mcsgov.grouplife;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.decision.DecisionLog.Step;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "membership-removal", the one way a membership ends (A5-2, A8-4, N1-3, N3-6): the coordinator removes,
 * the member leaves, the member's MCS administrator releases, or another process (offboarding, review) asks.
 */
@Component
public class RemovalSteps {

    static final String SUBJECT = "MEMBERSHIP";
    private static final Logger log = LoggerFactory.getLogger(RemovalSteps.class);

    /** Why a membership ends; the kind decides who may ask. */
    public enum Kind { COORDINATOR, SELF, ADMIN_RELEASE, OFFBOARDING, REVIEW, BAN }

    private final DirectoryService directory;
    private final GroupService groups;
    private final DecisionLog decisions;

    public RemovalSteps(DirectoryService directory, GroupService groups, DecisionLog decisions) {
        this.directory = directory;
        this.groups = groups;
        this.decisions = decisions;
    }

    /** What the person starting the removal may end: their facility's groups' members, their own, their staff's. */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff actor = activeInitiator(execution);
            var roles = directory.activeRoles(actor.id());
            var options = groups.currentMemberships(
                    roles.contains(Role.COORDINATOR) ? actor.facilityId() : null, actor.id(),
                    roles.contains(Role.MCS_ADMIN) ? actor.facilityId() : null).stream()
                    .map(m -> new Vars.Option(groups.group(m.groupId()).orElseThrow().name() + " — " + m.name()
                            + "（" + m.facilityName() + "）", String.valueOf(m.membershipId()))).toList();
            if (options.isEmpty()) {
                throw new UserError("削除できる参加がありません", "there is no membership you may end");
            }
            execution.setVariable("membershipOptions", Vars.options(options));
        };
    }

    /** Who may end this membership, and never the group's coordinator without a handover first (N1-4). */
    public JavaDelegate check() {
        return execution -> {
            long membershipId = Vars.id(execution, "membershipId", "参加");
            Member member = groups.membership(membershipId).orElseThrow(() -> new UserError(
                    "参加が見つかりません: " + membershipId, "no such membership: " + membershipId));
            Group group = groups.group(member.groupId()).orElseThrow();
            String reason = Vars.text(execution, "removalReason", "削除の理由", 1000);
            // removalKind and removedBy are trusted only from the system (another process's call, run by a job);
            // a person starting the removal through Tasklist or REST is always checked, whatever they pass (A8-4)
            boolean bySystem = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null;
            Kind kind = bySystem && execution.hasVariable("removalKind")
                    ? Kind.valueOf((String) execution.getVariable("removalKind"))
                    : kindFor(activeInitiator(execution), member, group);
            if (member.validTo() == null && group.coordinatorStaffId() == member.staffId()) {
                throw new UserError("グループの担当者は、先に担当者の引継ぎ（coordinator-handover）をしてから削除します（N1-4）",
                        "the group's coordinator is removed only after a handover (N1-4)");
            }
            String removedBy = bySystem && execution.hasVariable("removedBy")
                    ? (String) execution.getVariable("removedBy") : Facts.actor(execution);
            execution.setVariable("removalKind", kind.name());
            execution.setVariable("removalReason", reason);
            execution.setVariable("removedBy", removedBy);
            execution.setVariable("alreadyEnded", member.validTo() != null);
            execution.setVariable("mcsSubject", group.name() + " から " + member.name() + "（" + member.facilityName() + "）");
            execution.setVariable("coordinatorGroup", Role.COORDINATOR.groupId(group.facilityId()));
            execution.setVariable("mcsAssignee", directory.staff(group.coordinatorStaffId()).orElseThrow().userId());
            if (execution.getBusinessKey() == null) {
                execution.setProcessBusinessKey("membership:" + membershipId);
            }
        };
    }

    /** Idempotent: a membership that ended already stays as it was, with a note. */
    public JavaDelegate noop() {
        return execution -> {
            long membershipId = Vars.id(execution, "membershipId", "参加");
            decisions.record(SUBJECT, membershipId, Step.NOOP, "既に終了していた参加: " + execution.getVariable("removalReason"),
                    (String) execution.getVariable("removedBy"), execution.getProcessInstanceId());
            log.info("[{}] membership {} had ended already: no change", execution.getBusinessKey(), membershipId);
        };
    }

    public JavaDelegate close() {
        return execution -> {
            long membershipId = Vars.id(execution, "membershipId", "参加");
            String reason = kindLabel(execution) + ": " + execution.getVariable("removalReason");
            String by = (String) execution.getVariable("removedBy");
            boolean ended = groups.closeMembership(membershipId, by, reason, execution.getProcessInstanceId());
            decisions.record(SUBJECT, membershipId, ended ? Step.REMOVE : Step.NOOP, reason, by,
                    execution.getProcessInstanceId());
            log.info("[{}] membership {} {}", execution.getBusinessKey(), membershipId, ended ? "ended" : "had ended");
        };
    }

    private Kind kindFor(Staff actor, Member member, Group group) {
        var roles = directory.activeRoles(actor.id());
        if (roles.contains(Role.COORDINATOR) && actor.facilityId().equals(group.facilityId())) {
            return Kind.COORDINATOR;
        }
        if (actor.id() == member.staffId()) {
            return Kind.SELF;
        }
        if (roles.contains(Role.MCS_ADMIN) && actor.facilityId().equals(member.facilityId())) {
            return Kind.ADMIN_RELEASE;
        }
        throw new UserError("この参加を削除できるのは、連携元事業所の担当者、本人、本人の事業所のMCS管理者だけです（A5-2、A8-4）",
                "only the originating facility's coordinator, the member or the member's MCS administrator may end it");
    }

    private Staff activeInitiator(DelegateExecution execution) {
        String userId = Facts.actor(execution);
        return directory.staffByUserId(Objects.requireNonNullElse(userId, "")).filter(Staff::isActive)
                .orElseThrow(() -> new UserError("有効な職員として登録されていないユーザーです: " + userId,
                        "user is not an active registered staff member: " + userId));
    }

    private static String kindLabel(DelegateExecution execution) {
        return switch (Kind.valueOf((String) execution.getVariable("removalKind"))) {
            case COORDINATOR -> "連携元事業所が削除";
            case SELF -> "本人が退出（N3-6）";
            case ADMIN_RELEASE -> "MCS管理者が解除（A8-4）";
            case OFFBOARDING -> "退職・異動";
            case REVIEW -> "定期見直し（N1-3）";
            case BAN -> "利用禁止（N2-2）";
        };
    }
}
