package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.invitation.InvitationFixture.request;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

/** Trust boundary (DESIGN.md §5, docs/trust-boundary.md): holding a task is not deciding it; least knowledge. */
@DisplayName("group-invitation: deciders checked in the register at completion, option lists gone once chosen")
class InvitationTrustBoundaryTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private InvitationFixture scene;

    @BeforeEach
    void clinicAndStation() {
        scene = InvitationFixture.clinicAndStation(this);
    }

    @Autowired DecisionLog decisions;

    /** The system hands the task to someone (as an assignee change in Tasklist would), who then completes it. */
    private Task handedTo(ProcessInstance instance, String holder, String colleague) {
        Task task = singleTask(instance, holder);
        taskService.setAssignee(task.getId(), colleague);
        return taskService.createTaskQuery().taskId(task.getId()).singleResult();
    }

    private void refusedAndNothingWritten(ProcessInstance instance, Task task, String user, Map<String, Object> form,
                                          String state) {
        assertThatThrownBy(() -> complete(task, user, form)).isInstanceOf(UserError.class);
        assertThat(scene.invitation(instance).state()).isEqualTo(state);
        assertThat(decisions.entries("INVITATION", scene.invitationId(instance))).extracting(DecisionLog.Entry::step)
                .containsOnly("REQUEST");
    }

    @Test
    @DisplayName("A8-4: the administrator hands the approval to a colleague who is no approver: refused, nothing written")
    void approvalHandedToNonApprover() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        String colleague = scene.station.person("colleague").userId();
        refusedAndNothingWritten(instance, handedTo(instance, scene.stationAdmin, colleague), colleague,
                Map.of("decision", "approve"), "WAITING_ADMIN");
    }

    @Test
    @DisplayName("A8-4: another facility's administrator, or the inviter, holding the approval: refused")
    void approvalHandedToOutsiders() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        Fixture pharmacy = Fixture.facility(directory, FacilityKind.PHARMACY);
        String otherAdmin = pharmacy.person("admin", Role.MCS_ADMIN).userId();
        refusedAndNothingWritten(instance, handedTo(instance, scene.stationAdmin, otherAdmin), otherAdmin,
                Map.of("decision", "approve"), "WAITING_ADMIN");
        refusedAndNothingWritten(instance, handedTo(instance, scene.stationAdmin, scene.coord), scene.coord,
                Map.of("decision", "approve"), "WAITING_ADMIN");
    }

    @Test
    @DisplayName("§3b 代理承認 only where it applies: with two administrators the manager holding the task is refused")
    void managerNotInPlaceOfTwoAdministrators() {
        scene.station.person("admin2", Role.MCS_ADMIN);
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        refusedAndNothingWritten(instance, handedTo(instance, scene.stationAdmin, scene.stationManager), scene.stationManager,
                Map.of("decision", "approve"), "WAITING_ADMIN");
        decide(instance, scene.stationAdmin, "approve", null);
        assertThat(scene.invitation(instance).approvedBy()).isEqualTo(scene.stationAdmin);
    }

    @Test
    @DisplayName("N3-2: the invitee's decision handed to a colleague: refused; only the invitee judges")
    void inviteeDecisionHandedToColleague() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        String colleague = scene.station.person("colleague").userId();
        Task task = handedTo(instance, scene.nurse.userId(), colleague);
        assertThatThrownBy(() -> complete(task, colleague, Map.of("inviteeDecision", "accept")))
                .isInstanceOf(UserError.class).hasMessageContaining("招待された本人");
        assertThat(scene.invitation(instance).state()).isEqualTo("WAITING_INVITEE");
    }

    @Test
    @DisplayName("least knowledge: the invitee cannot read the clinic's groups (patients' names) nor the staff list; a return brings them back")
    void optionListsOnlyWhileTheCoordinatorChooses() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("groupOptions", "staffOptions");
        decide(instance, scene.stationAdmin, "return", "理由をもう少し具体的に");
        assertThat(instance).isWaitingAt("UserTask_Request");
        assertThat(runtimeService.getVariables(instance.getId())).containsKeys("groupOptions", "staffOptions");
        complete(instance, scene.coord, request(scene.group, scene.nurse));
        runJobs(instance);
        decide(instance, scene.stationAdmin, "approve", null);
        assertThat(instance).isWaitingAt("UserTask_InviteeDecision");
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("groupOptions", "staffOptions");
    }
}
