package org.mcsgov.grouplife;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.decision.DecisionLog.Step;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.directory.DirectoryService;
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
 * Steps of "coordinator-handover" (N1-4): the group keeps its account and its sharing, only the person doing the
 * group work changes; open invitations started by the outgoing coordinator move to the successor.
 */
@Component
public class HandoverSteps {

    static final String SUBJECT = "GROUP";
    private static final Logger log = LoggerFactory.getLogger(HandoverSteps.class);

    private final DirectoryService directory;
    private final GroupService groups;
    private final DecisionLog decisions;
    private final RuntimeService runtimeService;
    private final MovedTasks movedTasks;
    private final String expireAfter;

    /** expireAfter: how long the successor has to accept (ISO-8601 duration, mcs.handover.expire-after). */
    public HandoverSteps(DirectoryService directory, GroupService groups, DecisionLog decisions,
                         RuntimeService runtimeService, MovedTasks movedTasks,
                         HandoverProperties settings) {
        this.expireAfter = settings.expireAfter();
        this.directory = directory;
        this.groups = groups;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.movedTasks = movedTasks;
    }

    /** The outgoing coordinator's groups, or all the facility's groups for its MCS administrator. */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff actor = directory.staffByUserId(Facts.starter(execution)).filter(Staff::isActive)
                    .orElseThrow(() -> new UserError("有効な職員として登録されていないユーザーです",
                            "user is not an active registered staff member"));
            boolean admin = directory.activeRoles(actor.id()).contains(Role.MCS_ADMIN);
            var groupOptions = groups.activeGroupsOf(actor.facilityId()).stream()
                    .filter(g -> admin || g.coordinatorStaffId() == actor.id())
                    .map(g -> new Vars.Option(g.name(), String.valueOf(g.id()))).toList();
            var successors = directory.activeWithRole(actor.facilityId(), Role.COORDINATOR).stream()
                    .map(s -> new Vars.Option(s.name() + "（" + s.profession() + "）", String.valueOf(s.id()))).toList();
            if (groupOptions.isEmpty()) {
                throw new UserError("引き継げるグループがありません", "there is no group you may hand over");
            }
            execution.setVariable("groupOptions", Vars.options(groupOptions));
            execution.setVariable("successorOptions", Vars.options(successors));
            execution.setVariable("facilityId", actor.facilityId());
            execution.setVariable("coordinatorGroup", Role.COORDINATOR.groupId(actor.facilityId()));
            execution.setVariable("expireAfter", expireAfter);
        };
    }

    public JavaDelegate check() {
        return execution -> {
            long groupId = Vars.id(execution, "groupId", "グループ");
            Group group = groups.group(groupId).filter(Group::isActive).orElseThrow(() -> new UserError(
                    "有効なグループを選んでください", "choose an active group"));
            Staff actor = directory.staffByUserId(Facts.starter(execution)).orElseThrow();
            boolean admin = directory.activeRoles(actor.id()).contains(Role.MCS_ADMIN);
            if (!group.facilityId().equals(actor.facilityId()) || !(admin || group.coordinatorStaffId() == actor.id())) {
                throw new UserError("引継ぎを始められるのは、そのグループの担当者か事業所のMCS管理者だけです（N1-4）",
                        "only the group's coordinator or the facility's MCS administrator hands over (N1-4)");
            }
            long successorId = Vars.id(execution, "successorStaffId", "後任の担当者");
            Staff successor = directory.activeWithRole(group.facilityId(), Role.COORDINATOR).stream()
                    .filter(s -> s.id() == successorId).findFirst().orElseThrow(() -> new UserError(
                            "後任は同じ事業所の有効な担当者から選んでください（N1-4）",
                            "the successor must be an active coordinator of the same facility (N1-4)"));
            if (successor.id() == group.coordinatorStaffId()) {
                throw new UserError("後任が現在の担当者と同じです", "the successor is the current coordinator");
            }
            String reason = Vars.text(execution, "handoverReason", "引継ぎの理由", 1000);
            Staff outgoing = directory.staff(group.coordinatorStaffId()).orElseThrow();
            execution.setProcessBusinessKey("group:" + groupId);
            execution.setVariable("successorUserId", successor.userId());
            execution.setVariable("outgoingUserId", outgoing.userId());
            execution.setVariable("handoverSummary", "グループ: " + group.name() + "\n現在の担当者: " + outgoing.name()
                    + "\n後任: " + successor.name() + "\n理由: " + reason + "\n依頼した人: " + actor.name());
        };
    }

    public JavaDelegate checkAcceptance() {
        return execution -> {
            String decision = Vars.choice(execution, "handoverDecision", "引継ぎの受諾", "accept", "decline");
            if ("decline".equals(decision)) {
                Vars.text(execution, "handoverComment", "引き継がない理由", 1000);
            }
        };
    }

    /** The coordinator changes with history; the successor's inbox receives the outgoing one's open invitations. */
    public JavaDelegate change() {
        return execution -> {
            long groupId = Vars.id(execution, "groupId", "グループ");
            String successor = (String) execution.getVariable("successorUserId");
            String outgoing = (String) execution.getVariable("outgoingUserId");
            groups.changeCoordinator(groupId, Vars.id(execution, "successorStaffId", "後任"), successor,
                    (String) execution.getVariable("handoverReason"), execution.getProcessInstanceId());
            moveInvitations(groupId, outgoing, successor, null, null);
            decisions.record(SUBJECT, groupId, Step.HANDOVER, outgoing + " → " + successor, successor,
                    execution.getProcessInstanceId());
            log.info("[group:{}] coordinator {} -> {}", groupId, outgoing, successor);
        };
    }

    /**
     * The outgoing coordinator's open invitations of the group go to the successor (their initiator, their tasks),
     * and from the sending to the receiving facility's coordinators when the group moves (group-transfer): as the
     * coordinatorGroup of the tasks to come and as the candidates of the open ones.
     */
    void moveInvitations(long groupId, String outgoing, String successor, String sendingGroup, String receivingGroup) {
        for (var invitation : runtimeService.createProcessInstanceQuery().processDefinitionKey("group-invitation")
                .variableValueEquals("groupId", String.valueOf(groupId))
                .variableValueEquals("initiator", outgoing).list()) {
            runtimeService.setVariable(invitation.getId(), "initiator", successor);
            if (receivingGroup != null) {
                runtimeService.setVariable(invitation.getId(), "coordinatorGroup", receivingGroup);
                movedTasks.replaceCandidate(invitation.getBusinessKey(), sendingGroup, receivingGroup);
            }
            movedTasks.reassign(invitation.getBusinessKey(), outgoing, successor);
        }
    }

    public JavaDelegate declined() {
        return execution -> decisions.record(SUBJECT, Vars.id(execution, "groupId", "グループ"), Step.DECLINE,
                (String) execution.getVariable("handoverComment"), (String) execution.getVariable("successorUserId"),
                execution.getProcessInstanceId());
    }
}
