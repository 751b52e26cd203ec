package org.mcsgov.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.invitation.InvitationFixtures;
import org.mcsgov.notification.MailSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 15: the approval task names what it is about, and its result reaches the applicant by mail (the inviting
 * coordinator of group-invitation; the same code serves every caller of the shared approval); 代理承認 is recorded.
 */
@DisplayName("approval: task names, results mailed to the applicant, 代理承認 recorded (issue 15)")
class ApprovalResultsTest extends InvitationFixtures {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired MailSettings settings;
    @Autowired JavaMailSenderImpl sender;
    @Autowired DecisionLog decisions;
    int configuredPort;

    @BeforeEach
    void mailOn() {
        configuredPort = sender.getPort();
        sender.setPort(SMTP.getSmtp().getPort());
        settings.setEnabled(true);
    }

    @AfterEach
    void mailOff() {
        settings.setEnabled(false);
        sender.setPort(configuredPort);
    }

    /** Runs the result notifications scheduled so far and returns the mail the coordinator received. */
    private MimeMessage resultMail() throws Exception {
        var management = engine.getManagementService();
        runtimeService.createProcessInstanceQuery().processDefinitionKey("notification")
                .variableValueEquals("kind", "RESULT").list()
                .forEach(p -> management.createJobQuery().processInstanceId(p.getId()).list()
                        .forEach(job -> management.executeJob(job.getId())));
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith(coord + "@");
            } catch (Exception e) {
                return false;
            }
        }).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    @DisplayName("the approval task reads 「招待の承認: …」, not 「承認・却下・差し戻し」")
    void taskNamed() {
        ProcessInstance instance = invite(group, nurse);
        var task = taskService.createTaskQuery().processDefinitionKey("approval").list().stream()
                .filter(t -> instance.getId().equals(runtimeService.createProcessInstanceQuery()
                        .subProcessInstanceId(t.getProcessInstanceId()).singleResult().getId()))
                .findFirst().orElseThrow();
        assertThat(task.getName()).startsWith("招待の承認: ").contains(nurse.name(), group.name());
    }

    @Test
    @DisplayName("a rejection is mailed to the inviting coordinator with its reason and the approver's name")
    void rejectionMailed() throws Exception {
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationAdmin, "reject", "担当外のため");
        MimeMessage mail = resultMail();
        assertThat(mail.getSubject()).startsWith("【MCS運用ワークフロー】申請の結果");
        assertThat(mail.getContent().toString()).contains("却下されました", "担当外のため", "判断した人: 試験 admin",
                "招待の承認: ");
    }

    @Test
    @DisplayName("代理承認: the manager's approval is recorded and mailed as such")
    void proxyMarked() throws Exception {
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationManager, "approve", null);
        assertThat(decisions.entries("INVITATION", invitationId(instance)))
                .anyMatch(e -> "APPROVE".equals(e.step()) && "代理承認".equals(e.comment()));
        assertThat(resultMail().getContent().toString()).contains("承認されました", "（代理承認）");
    }

    @Test
    @DisplayName("an expiry is mailed too")
    void expiryMailed() throws Exception {
        ProcessInstance instance = invite(group, nurse);
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
        ProcessInstance instance = invite(group, nurse);
        decide(instance, stationAdmin, "approve", null);
        resultMail();
        complete(instance, nurse.userId(), java.util.Map.of("inviteeDecision", "accept"));
        runJobs(instance);
        complete(instance, coord, java.util.Map.of("mcsOutcome", "done"));
        assertThat(resultMail().getContent().toString()).contains("の手続きが完了しました: 参加を記録", "招待の承認: ");
    }
}
