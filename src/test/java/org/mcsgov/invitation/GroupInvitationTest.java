package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.invitation.InvitationFixture.request;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.approval.ApprovalSteps;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.group.GroupFixture;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("group-invitation: approval paths (A5-2, A8-4, N3-2, DESIGN §3b)")
class GroupInvitationTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    @Autowired InvitationService invitations;
    private InvitationFixture scene;

    @BeforeEach
    void clinicAndStation() {
        scene = InvitationFixture.clinicAndStation(this);
    }

    @Autowired DecisionLog decisions;
    @Autowired HistoryService historyService;

    private void acceptAndConfirm(ProcessInstance instance) {
        complete(instance, scene.nurse.userId(), Map.of("inviteeDecision", "accept"));
        runJobs(instance);
        complete(instance, scene.coord, Map.of("mcsOutcome", "done"));
    }

    @Test
    @DisplayName("A8-4/N3-2: approved by the station's administrator, accepted by the nurse, confirmed in MCS: member")
    void approveAcceptMember() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        assertThat(scene.invitation(instance).state()).isEqualTo("WAITING_ADMIN");
        assertThat(visibleTasks(instance, scene.stationAdmin)).isEqualTo(1);
        assertThat(visibleTasks(instance, scene.coord)).isZero();

        decide(instance, scene.stationAdmin, "approve", null);
        assertThat(scene.invitation(instance).state()).isEqualTo("WAITING_INVITEE");
        assertThat(instance).isWaitingAt("UserTask_InviteeDecision");
        acceptAndConfirm(instance);

        assertThat(instance).isEnded().hasPassed("Task_OpenMembership", "EndEvent_Member");
        Invitation invitation = scene.invitation(instance);
        assertThat(invitation.state()).isEqualTo("MEMBER");
        Member member = groups.currentMembers(scene.group.id()).stream().filter(m -> m.userId().equals(scene.nurse.userId()))
                .findFirst().orElseThrow();
        assertThat(member.invitedBy()).isEqualTo(scene.coord);
        assertThat(member.approvedBy()).isEqualTo(scene.stationAdmin);
        assertThat(member.openedProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(decisions.entries("INVITATION", invitation.id())).extracting(DecisionLog.Entry::step)
                .containsExactly("REQUEST", "APPROVE", "ACCEPT", "MEMBER");
        choicesOutOfHistoryChoiceKept(instance);
    }

    /** The request form's lists (every staff member, the groups by patient name) never reach the history; the choice does. */
    private void choicesOutOfHistoryChoiceKept(ProcessInstance instance) {
        var history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).includeDeleted()
                .list()).extracting(v -> v.getName()).doesNotContain("groupOptions", "staffOptions")
                .contains("groupId", "inviteeStaffId");
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
                .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
                .doesNotContain("groupOptions", "staffOptions").contains("inviteeStaffId");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("inviteeStaffId").singleResult().getValue()).isEqualTo(String.valueOf(scene.nurse.id()));
    }

    @Test
    @DisplayName("A8-4: a rejection needs a reason and closes the invitation with it")
    void rejected() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        assertThatThrownBy(() -> decide(instance, scene.stationAdmin, "reject", null))
                .isInstanceOf(UserError.class).hasMessageContaining("理由");
        decide(instance, scene.stationAdmin, "reject", "担当外のため");
        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(scene.invitation(instance).state()).isEqualTo("REJECTED");
        assertThat(scene.invitation(instance).closeReason()).isEqualTo("担当外のため");
        assertThat(groups.isCurrentMember(scene.group.id(), scene.nurse.id())).isFalse();
    }

    @Test
    @DisplayName("issue 15: inviting the same person into the same group again, the approver's 承認履歴 shows the "
            + "earlier rejection with its reason; the first request shows no earlier one")
    void earlierRejectionShown() {
        ProcessInstance first = scene.invite(scene.group, scene.nurse);
        assertThat(approvalHistory(first)).doesNotContain(ApprovalSteps.EARLIER_HEADING);
        decide(first, scene.stationAdmin, "reject", "同じ職員が既に参加予定のため");

        ProcessInstance again = scene.invite(scene.group, scene.nurse);
        assertThat(approvalHistory(again)).contains(ApprovalSteps.EARLIER_HEADING,
                "#" + scene.invitationId(first) + "  ", scene.stationAdmin + "  却下：同じ職員が既に参加予定のため");
    }

    /** The 承認履歴 the approval of this invitation shows (a variable of the called approval). */
    private String approvalHistory(ProcessInstance instance) {
        var approval = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult();
        return (String) runtimeService.getVariable(approval.getId(), "approvalHistory");
    }

    @Test
    @DisplayName("§3b 差し戻し: returned with a comment, corrected and resubmitted in the same instance, then approved")
    void returnedAndResubmitted() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "return", "理由をもう少し具体的に");
        assertThat(instance).isWaitingAt("UserTask_Request");
        assertThat(runtimeService.getVariable(instance.getId(), "returnComment")).isEqualTo("理由をもう少し具体的に");
        assertThat(scene.invitation(instance).state()).isEqualTo("RETURNED");

        var corrected = request(scene.group, scene.nurse);
        corrected.put("reason", "週2回の訪問看護で褥瘡の状態を共有するため");
        complete(instance, scene.coord, corrected);
        runJobs(instance);
        var approvalHistory = (String) runtimeService.createVariableInstanceQuery().variableName("approvalHistory")
                .list().stream().filter(v -> v.getValue().toString().contains("差し戻し")).findFirst().orElseThrow()
                .getValue();
        assertThat(approvalHistory).contains("申請", "差し戻し：理由をもう少し具体的に", "再申請");
        decide(instance, scene.stationAdmin, "approve", null);
        acceptAndConfirm(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Member");
        assertThat(scene.invitation(instance).reason()).contains("褥瘡");
    }

    @Test
    @DisplayName("§3b 取り下げ: after a return the coordinator withdraws; the invitation closes as cancelled")
    void withdrawnAfterReturn() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "return", "不要では？");
        var withdraw = request(scene.group, scene.nurse);
        withdraw.put("requestAction", "withdraw");
        complete(instance, scene.coord, withdraw);
        assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn");
        assertThat(scene.invitation(instance).state()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("issue 15: a request the checks refuse can be withdrawn before any submission; nothing is recorded")
    void withdrawnBeforeFirstRequest() {
        ProcessInstance instance = start(scene.coord, "group-invitation", Map.of());
        var refused = request(scene.group, scene.nurse);
        refused.put("reason", "");
        assertThatThrownBy(() -> complete(instance, scene.coord, refused)).isInstanceOf(UserError.class);
        var withdraw = request(scene.group, scene.nurse);
        withdraw.put("requestAction", "withdraw");
        complete(instance, scene.coord, withdraw);
        assertThat(instance).isEnded().hasPassed("Task_CloseWithdrawn", "EndEvent_Withdrawn");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("invitationId").count()).isZero();
    }

    @Test
    @DisplayName("N3-2: the nurse declines with a reason; the invitation closes as declined")
    void declined() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        assertThatThrownBy(() -> complete(instance, scene.nurse.userId(), Map.of("inviteeDecision", "decline")))
                .isInstanceOf(UserError.class);
        complete(instance, scene.nurse.userId(), Map.of("inviteeDecision", "decline", "inviteeComment", "担当していません"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Declined");
        assertThat(scene.invitation(instance).state()).isEqualTo("DECLINED");
        assertThat(scene.invitation(instance).closeReason()).contains("担当していません");
    }

    @Test
    @DisplayName("§3b 代理承認: the station's manager approves when it has a single administrator")
    void managerApprovesForSingleAdministrator() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        assertThat(visibleTasks(instance, scene.stationManager)).isEqualTo(1);
        decide(instance, scene.stationManager, "approve", null);
        assertThat(scene.invitation(instance).approvedBy()).isEqualTo(scene.stationManager);
    }

    @Test
    @DisplayName("timers: a reminder after 2 days leaves the task open; expiry after 7 days closes the invitation")
    void reminderAndExpiry() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        long id = scene.invitationId(instance);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2L * 24 * 3600 * 1000 + 60_000));
        runJobs(instance);
        assertThat(decisions.entries("INVITATION", id)).extracting(DecisionLog.Entry::step).contains("REMIND");
        assertThat(visibleTasks(instance, scene.stationAdmin)).isEqualTo(1);

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 5L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Expired");
        assertThat(invitations.invitation(id).orElseThrow().state()).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("timer: the invitee's decision expires too")
    void inviteeDecisionExpires() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 8L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Expired");
        assertThat(scene.invitation(instance).state()).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("cancel at any point before the membership opens (message invitation-cancel)")
    void cancelledByMessage() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        runtimeService.createMessageCorrelation("invitation-cancel").processInstanceId(instance.getId())
                .setVariable("cancelReason", "取り下げ: 入院のため").setVariable("cancelledBy", scene.coord).correlate();
        assertThat(instance).isEnded().hasPassed("EndEvent_Cancelled");
        assertThat(scene.invitation(instance).state()).isEqualTo("CANCELLED");
        assertThat(scene.invitation(instance).closeReason()).isEqualTo("取り下げ: 入院のため");
    }

    @Test
    @DisplayName("the patient's side approves last where the patient takes part; a refusal closes the invitation")
    void patientApproval() {
        var withPatient = new GroupFixture(this, groups).activePatientGroup(scene.coord, true);
        ProcessInstance approved = scene.invite(withPatient, scene.nurse);
        decide(approved, scene.stationAdmin, "approve", null);
        complete(approved, scene.nurse.userId(), Map.of("inviteeDecision", "accept"));
        assertThat(scene.invitation(approved).state()).isEqualTo("WAITING_PATIENT");
        complete(approved, scene.coord, Map.of("patientDecision", "approved", "patientComment", "長女がMCSで承認"));
        runJobs(approved);
        complete(approved, scene.coord, Map.of("mcsOutcome", "done"));
        assertThat(approved).isEnded().hasPassed("UserTask_PatientApproval", "EndEvent_Member");

        Fixture other = Fixture.facility(directory, org.mcsgov.directory.FacilityKind.PHARMACY);
        other.person("admin", org.mcsgov.directory.Role.MCS_ADMIN);
        var pharmacist = other.person("pharm");
        ProcessInstance refused = scene.invite(withPatient, pharmacist);
        decide(refused, other.user("admin"), "approve", null);
        complete(refused, pharmacist.userId(), Map.of("inviteeDecision", "accept"));
        complete(refused, scene.coord, Map.of("patientDecision", "refused", "patientComment", "本人が希望しない"));
        assertThat(refused).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(scene.invitation(refused).closeReason()).contains("本人が希望しない");
    }
}
