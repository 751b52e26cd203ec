package org.mcsgov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail to whoever has a new task, a reminder or an escalation, against a real SMTP server (GreenMail): scheduled
 * in the transaction that creates the task, sent by the notification process's own job, retried, then an incident;
 * the task stays. The password attestation gives one assigned task, a reminder and a candidate-group escalation.
 */
@DisplayName("notification: mail for new tasks, reminders and escalations (A8-4, A9-2, A11-1); history removal time")
class NotificationTest extends ProcessTestSupport {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired MailSettings settings;
    @Autowired JavaMailSenderImpl sender;

    Fixture clinic;
    String admin;
    String nurse;
    int configuredPort;

    @BeforeEach
    void mailOn() {
        configuredPort = sender.getPort();
        sender.setPort(SMTP.getSmtp().getPort());
        settings.setEnabled(true);
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        nurse = clinic.person("nurse").userId();
    }

    @AfterEach
    void mailOff() {
        settings.setEnabled(false);
        sender.setPort(configuredPort);
    }

    private ProcessInstance attestation() {
        ProcessInstance campaign = runtimeService.startProcessInstanceByKey("password-attestation",
                Map.of("facilityIds", clinic.facilityId));
        runJobs(campaign);
        return campaign;
    }

    /** The task of the person's attestation (the escalation is about the person too). */
    private Task taskOf(String userId, String taskKey) {
        return taskService.createTaskQuery().taskDefinitionKey(taskKey).list().stream()
                .filter(t -> userId.equals(runtimeService.getVariable(t.getExecutionId(), "userId")))
                .findFirst().orElseThrow();
    }

    /** The notification jobs scheduled for the task, of the given kind. */
    private List<Job> notificationJobs(Task task, Kind kind) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(Notifications.PROCESS_KEY)
                .variableValueEquals("taskId", task.getId()).variableValueEquals("kind", kind.name()).list().stream()
                .flatMap(p -> engine.getManagementService().createJobQuery().processInstanceId(p.getId()).list()
                        .stream())
                .toList();
    }

    @Test
    @DisplayName("every kind has its Japanese template, and every task kind one for several tasks at once (a digest)")
    void templates() {
        for (Kind kind : Kind.values()) {
            assertThat(Notifications.render(kind.template(), Map.of("count", "3"))[0]).startsWith("【MCS運用ワークフロー】");
            if (!kind.addressed()) {   // sent to a person or group named, never as a digest of tasks
                assertThat(Notifications.render(kind.template() + "-many", Map.of("count", "3"))[0]).contains("3 件");
            }
        }
    }

    @Test
    @DisplayName("A11-1: a new task is mailed to its assignee, with a link into Tasklist; the history gets its removal time")
    void newTaskMailed() throws Exception {
        attestation();
        Task task = taskOf(nurse, "UserTask_Attest");
        assertThat(SMTP.getReceivedMessages()).isEmpty();   // nothing is sent inside the user's transaction

        Job job = notificationJobs(task, Kind.NEW_TASK).get(0);
        String instanceId = job.getProcessInstanceId();
        engine.getManagementService().executeJob(job.getId());

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(nurse + "@example.jp");
        assertThat(mail.getSubject()).isEqualTo("【MCS運用ワークフロー】新しいタスク: パスワード管理の確認");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString())
                .contains("試験 nurse 様", "パスワード管理の確認")
                .contains("/camunda/app/tasklist/default/#/?task=" + task.getId());

        // history cleanup: removal-time strategy "end": the ended instance is removed its time to live after the end
        HistoricProcessInstance done = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getRemovalTime()).isEqualTo(Date.from(done.getEndTime().toInstant().plus(Duration.ofDays(365))));
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryRemovalTimeStrategy())
                .isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P3650D");
    }

    @Test
    @DisplayName("A9-2, A11-1: the reminder goes to the person, the escalation to every member of the administrators' group")
    void reminderAndEscalationMailed() {
        ProcessInstance campaign = attestation();
        complete(campaign, admin, Map.of("passwordChanged", true, "passwordSecret", true, "logsOut", true));
        Task attest = taskOf(nurse, "UserTask_Attest");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
        runJobs(campaign);

        engine.getManagementService().executeJob(notificationJobs(attest, Kind.REMINDER).get(0).getId());
        Task escalation = taskOf(nurse, "UserTask_Escalation");
        engine.getManagementService().executeJob(notificationJobs(escalation, Kind.ESCALATION).get(0).getId());

        assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString() + " " + m.getSubject())
                .containsExactly(nurse + "@example.jp 【MCS運用ワークフロー】催促: パスワード管理の確認 が未処理です",
                        admin + "@example.jp 【MCS運用ワークフロー】対応のお願い（エスカレーション）: 未実施への対応");
    }

    @Test
    @DisplayName("SMTP down: the sending is retried (mcs.mail.retry), then an incident; the task is still there")
    void smtpDownRetriedThenIncident() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        sender.setPort(closed);
        attestation();
        Task task = taskOf(nurse, "UserTask_Attest");
        Job job = notificationJobs(task, Kind.NEW_TASK).get(0);
        var management = engine.getManagementService();

        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Mail");
        Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate()).isAfterOrEqualTo(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(4))));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        }
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        assertThat(engine.getRuntimeService().createIncidentQuery().activityId("Task_SendMail")
                .processInstanceId(job.getProcessInstanceId()).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("mail off (the demo): the notification is logged, and a task done before the sending gets none")
    void mailOffAndTaskDone() {
        settings.setEnabled(false);
        ProcessInstance campaign = attestation();
        Task task = taskOf(admin, "UserTask_Attest");
        engine.getManagementService().executeJob(notificationJobs(taskOf(nurse, "UserTask_Attest"), Kind.NEW_TASK)
                .get(0).getId());
        complete(campaign, admin, Map.of("passwordChanged", true, "passwordSecret", true, "logsOut", true));
        settings.setEnabled(true);
        engine.getManagementService().executeJob(notificationJobs(task, Kind.NEW_TASK).get(0).getId());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
