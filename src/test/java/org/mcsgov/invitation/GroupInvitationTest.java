package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.approval.ApprovalSteps;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.group.Member;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("group-invitation: approval paths (A5-2, A8-4, N3-2, DESIGN §3b)")
class GroupInvitationTest extends InvitationFixtures {

    @Autowired DecisionLog decisions;
    @Autowired HistoryService historyService;

    private void acceptAndConfirm(ProcessInstance instance) {
        complete(instance, nurse.userId(), Map.of("inviteeDecision", "accept"));
        runJobs(instance);
        complete(instance, coord, Map.of("mcsOutcome", "done"));
    }

    @Test
    @DisplayName("A8-4/N3-2: approved by the station's administrator, accepted by the nurse, confirmed in MCS: member")
    void approveAcceptMember() {
        ProcessInstance instance = invite(group, nurse);
        assertThat(invitation(instance).state()).isEqualTo("WAITING_ADMIN");
        assertThat(visibleTasks(instance, stationAdmin)).isEqualTo(1);
        assertThat(visibleTasks(instance, coord)).isZero();

        decide(instance, stationAdmin, "approve", null);
        assertThat(invitation(instance).state()).isEqualTo("WAITING_INVITEE");
        assertThat(instance).isWaitingAt("UserTask_InviteeDecision");
        acceptAndConfirm(instance);

        assertThat(instance).isEnded().hasPassed("Task_OpenMembership", "EndEvent_Member");
        Invitation invitation = invitation(instance);
        assertThat(invitation.state()).isEqualTo("MEMBER");
        Member member = groups.currentMembers(group.id()).stream().filter(m -> m.userId().equals(nurse.userId()))
                .findFirst().orElseThrow();
        assertThat(member.invitedBy()).isEqualTo(coord);
        assertThat(member.approvedBy()).isEqualTo(stationAdmin);
        assertThat(member.openedProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(decisions.entries("INVITATION", invitation.id())).extracting(DecisionLog.Entry::step)
                .containsExactly("REQUEST", "APPROVE", "ACCEPT", "MEMBER");
    }

    @Test
    @DisplayName("A8-4: a rejection needs a reason and closes the invitation with it")
    void rejected() {
        ProcessInstance instance = invite(group, nurse);
        assertThatThrownBy(() -> decide(instance, stationAdmin, "reject", null))
                .isInstanceOf(UserError.class).hasMessageContaining("理由");
        decide(instance, stationAdmin, "reject", "担当外のため");
        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(invitation(instance).state()).isEqualTo("REJECTED");
        assertThat(invitation(instance).closeReason()).isEqualTo("担当外のため");
        assertThat(groups.isCurrentMember(group.id(), nurse.id())).isFalse();
    }

    @Test
    @DisplayName("issue 15: inviting the same person into the same group again, the approver's 承認履歴 shows the "
            + "earlier rejection with its reason; the first request shows no earlier one")
    void earlierRejectionShown() {
        ProcessInstance first = invite(group, nurse);
        assertThat(approvalHistory(first)).doesNotContain(ApprovalSteps.EARLIER_HEADING);
        decide(first, stationAdmin, "reject", "同じ職員が既に参加予定のため");

        ProcessInstance again = invite(group, nurse);
        assertThat(approvalHistory(again)).contains(ApprovalSteps.EARLIER_HEADING,
                "#" + invitationId(first) + "  ", stationAdmin + "  却下：同じ職員が既に参加予定のため");
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
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationAdmin, "return", "理由をもう少し具体的に");
        assertThat(instance).isWaitingAt("UserTask_Request");
        assertThat(runtimeService.getVariable(instance.getId(), "returnComment")).isEqualTo("理由をもう少し具体的に");
        assertThat(invitation(instance).state()).isEqualTo("RETURNED");

        var corrected = request(group, nurse);
        corrected.put("reason", "週2回の訪問看護で褥瘡の状態を共有するため");
        complete(instance, coord, corrected);
        runJobs(instance);
        var approvalHistory = (String) runtimeService.createVariableInstanceQuery().variableName("approvalHistory")
                .list().stream().filter(v -> v.getValue().toString().contains("差し戻し")).findFirst().orElseThrow()
                .getValue();
        assertThat(approvalHistory).contains("申請", "差し戻し：理由をもう少し具体的に", "再申請");
        decide(instance, stationAdmin, "approve", null);
        acceptAndConfirm(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Member");
        assertThat(invitation(instance).reason()).contains("褥瘡");
    }

    @Test
    @DisplayName("§3b 取り下げ: after a return the coordinator withdraws; the invitation closes as cancelled")
    void withdrawnAfterReturn() {
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationAdmin, "return", "不要では？");
        var withdraw = request(group, nurse);
        withdraw.put("requestAction", "withdraw");
        complete(instance, coord, withdraw);
        assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn");
        assertThat(invitation(instance).state()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("issue 15: a request the checks refuse can be withdrawn before any submission; nothing is recorded")
    void withdrawnBeforeFirstRequest() {
        ProcessInstance instance = start(coord, "group-invitation", Map.of());
        var refused = request(group, nurse);
        refused.put("reason", "");
        assertThatThrownBy(() -> complete(instance, coord, refused)).isInstanceOf(UserError.class);
        var withdraw = request(group, nurse);
        withdraw.put("requestAction", "withdraw");
        complete(instance, coord, withdraw);
        assertThat(instance).isEnded().hasPassed("Task_CloseWithdrawn", "EndEvent_Withdrawn");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("invitationId").count()).isZero();
    }

    @Test
    @DisplayName("N3-2: the nurse declines with a reason; the invitation closes as declined")
    void declined() {
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationAdmin, "approve", null);
        assertThatThrownBy(() -> complete(instance, nurse.userId(), Map.of("inviteeDecision", "decline")))
                .isInstanceOf(UserError.class);
        complete(instance, nurse.userId(), Map.of("inviteeDecision", "decline", "inviteeComment", "担当していません"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Declined");
        assertThat(invitation(instance).state()).isEqualTo("DECLINED");
        assertThat(invitation(instance).closeReason()).contains("担当していません");
    }

    @Test
    @DisplayName("§3b 代理承認: the station's manager approves when it has a single administrator")
    void managerApprovesForSingleAdministrator() {
        ProcessInstance instance = invite(group, nurse);
        assertThat(visibleTasks(instance, stationManager)).isEqualTo(1);
        decide(instance, stationManager, "approve", null);
        assertThat(invitation(instance).approvedBy()).isEqualTo(stationManager);
    }

    @Test
    @DisplayName("timers: a reminder after 2 days leaves the task open; expiry after 7 days closes the invitation")
    void reminderAndExpiry() {
        ProcessInstance instance = invite(group, nurse);
        long id = invitationId(instance);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2L * 24 * 3600 * 1000 + 60_000));
        runJobs(instance);
        assertThat(decisions.entries("INVITATION", id)).extracting(DecisionLog.Entry::step).contains("REMIND");
        assertThat(visibleTasks(instance, stationAdmin)).isEqualTo(1);

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 5L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Expired");
        assertThat(invitations.invitation(id).orElseThrow().state()).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("timer: the invitee's decision expires too")
    void inviteeDecisionExpires() {
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationAdmin, "approve", null);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 8L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Expired");
        assertThat(invitation(instance).state()).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("cancel at any point before the membership opens (message invitation-cancel)")
    void cancelledByMessage() {
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationAdmin, "approve", null);
        runtimeService.createMessageCorrelation("invitation-cancel").processInstanceId(instance.getId())
                .setVariable("cancelReason", "取り下げ: 入院のため").setVariable("cancelledBy", coord).correlate();
        assertThat(instance).isEnded().hasPassed("EndEvent_Cancelled");
        assertThat(invitation(instance).state()).isEqualTo("CANCELLED");
        assertThat(invitation(instance).closeReason()).isEqualTo("取り下げ: 入院のため");
    }

    @Test
    @DisplayName("the patient's side approves last where the patient takes part; a refusal closes the invitation")
    void patientApproval() {
        var withPatient = activePatientGroup(coord, true);
        ProcessInstance approved = invite(withPatient, nurse);
        decide(approved, stationAdmin, "approve", null);
        complete(approved, nurse.userId(), Map.of("inviteeDecision", "accept"));
        assertThat(invitation(approved).state()).isEqualTo("WAITING_PATIENT");
        complete(approved, coord, Map.of("patientDecision", "approved", "patientComment", "長女がMCSで承認"));
        runJobs(approved);
        complete(approved, coord, Map.of("mcsOutcome", "done"));
        assertThat(approved).isEnded().hasPassed("UserTask_PatientApproval", "EndEvent_Member");

        Fixture other = Fixture.facility(directory, org.mcsgov.directory.FacilityKind.PHARMACY);
        other.person("admin", org.mcsgov.directory.Role.MCS_ADMIN);
        var pharmacist = other.person("pharm");
        ProcessInstance refused = invite(withPatient, pharmacist);
        decide(refused, other.user("admin"), "approve", null);
        complete(refused, pharmacist.userId(), Map.of("inviteeDecision", "accept"));
        complete(refused, coord, Map.of("patientDecision", "refused", "patientComment", "本人が希望しない"));
        assertThat(refused).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(invitation(refused).closeReason()).contains("本人が希望しない");
    }
}
