package org.mcsgov.approval;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.invitation.InvitationFixture;
import org.mcsgov.notification.MailDrain;
import org.mcsgov.notification.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15: the approval task names what it is about, and its result reaches the applicant by mail (the inviting
 * coordinator of group-invitation; the same code serves every caller of the shared approval); 代理承認 is recorded.
 */
@DisplayName("approval: task names, results mailed to the applicant, 代理承認 recorded (issue 15)")
class ApprovalResultsTest extends ProcessTestSupport {

    @RegisterExtension
    static final TestMailServer SMTP = new TestMailServer();

    @Autowired MailDrain drain;
    @Autowired DecisionLog decisions;
    InvitationFixture scene;

    @BeforeEach
    void clinicAndStation() {
        scene = InvitationFixture.clinicAndStation(this);
    }

    /** Sends the notifications written so far and returns the mail the coordinator received. */
    private MimeMessage resultMail() throws Exception {
        drain.sendWaiting();
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith(scene.coord + "@");
            } catch (Exception e) {
                return false;
            }
        }).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    @DisplayName("the approval task reads 「招待の承認: …」, not 「承認・却下・差し戻し」")
    void taskNamed() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        var task = taskService.createTaskQuery().processDefinitionKey("approval").list().stream()
                .filter(t -> instance.getId().equals(runtimeService.createProcessInstanceQuery()
                        .subProcessInstanceId(t.getProcessInstanceId()).singleResult().getId()))
                .findFirst().orElseThrow();
        assertThat(task.getName()).startsWith("招待の承認: ").contains(scene.nurse.name(), scene.group.name());
    }

    @Test
    @DisplayName("a rejection is mailed to the inviting coordinator with its reason and the approver's name")
    void rejectionMailed() throws Exception {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "reject", "担当外のため");
        MimeMessage mail = resultMail();
        assertThat(mail.getSubject()).startsWith("【MCS運用ワークフロー】申請の結果");
        assertThat(mail.getContent().toString()).contains("却下されました", "担当外のため", "判断した人: 試験 admin",
                "招待の承認: ");
    }

    @Test
    @DisplayName("代理承認: the manager's approval is recorded and mailed as such")
    void proxyMarked() throws Exception {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationManager, "approve", null);
        assertThat(decisions.entries("INVITATION", scene.invitationId(instance)))
                .anyMatch(e -> "APPROVE".equals(e.step()) && "代理承認".equals(e.comment()));
        assertThat(resultMail().getContent().toString()).contains("承認されました", "（代理承認）");
    }

    @Test
    @DisplayName("an expiry is mailed too")
    void expiryMailed() throws Exception {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        // the reminder first, then the expiry, as GroupInvitationTest moves the clock (each timer fires on its own)
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2L * 24 * 3600 * 1000 + 60_000));
        runJobs(instance);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 5L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(resultMail().getContent().toString()).contains("期限切れ");
    }

    @Test
    @DisplayName("the completion is mailed too: the membership opened after acceptance and the confirmation in MCS")
    void completionMailed() throws Exception {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        resultMail();
        complete(instance, scene.nurse.userId(), java.util.Map.of("inviteeDecision", "accept"));
        runJobs(instance);
        complete(instance, scene.coord, java.util.Map.of("mcsOutcome", "done"));
        assertThat(resultMail().getContent().toString()).contains("の手続きが完了しました: 参加を記録", "招待の承認: ");
    }
}
