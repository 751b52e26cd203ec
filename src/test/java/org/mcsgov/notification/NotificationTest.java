package org.mcsgov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to whoever has a new task, a reminder or an escalation, against a real SMTP server (GreenMail): written to the
 * outbox in the transaction that creates the task, sent after it by the drain; a failed sending is handed to the
 * notification process, retried, then an incident; the task stays. The password attestation gives one assigned task, a reminder and a candidate-group escalation.
 */
@DisplayName("notification: mail for new tasks, reminders and escalations (A8-4, A9-2, A11-1) through the outbox")
class NotificationTest extends ProcessTestSupport {

    @RegisterExtension
    static final TestMailServer SMTP = new TestMailServer();

    @Autowired MailSettings settings;
    @Autowired JavaMailSenderImpl sender;
    @Autowired MailDrain drain;
    @Autowired MailOutbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    Fixture clinic;
    String admin;
    String nurse;

    @BeforeEach
    void clinic() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        nurse = clinic.person("nurse").userId();
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

    /** The outbox rows about the task, of the given kind. */
    private List<Map<String, Object>> rowsAbout(Task task, Kind kind) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE task_id = ? AND kind = ? ORDER BY id")
                .params(task.getId(), kind.name()).query().listOfRows();
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

        assertThat(rowsAbout(task, Kind.NEW_TASK)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("STATE", "PENDING"));

        assertThat(drain.sendWaiting()).isGreaterThanOrEqualTo(1);

        assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder(nurse + "@example.jp", admin + "@example.jp");
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipient(m).startsWith(nurse + "@"))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("【MCS運用ワークフロー】新しいタスク: パスワード管理の確認");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString())
                .contains("試験 nurse 様", "パスワード管理の確認")
                .contains("/camunda/app/tasklist/default/#/?task=" + task.getId());
        // the evidence of the sending: to whom and when, kept mcs.mail.keep
        assertThat(rowsAbout(task, Kind.NEW_TASK)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("STATE", "SENT").containsEntry("RECIPIENTS", nurse);
            assertThat(row.get("DONE_AT")).isNotNull();
        });
        assertThat(drain.sendWaiting()).as("nothing is sent twice").isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);

        // history cleanup: removal-time strategy "end", in the night's window; ten years by default
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryRemovalTimeStrategy())
                .isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P3650D");
        assertThat(settings.getKeep()).isEqualTo(Duration.ofDays(365));
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("one transaction: a task whose transaction is rolled back leaves no mail behind")
    void rolledBackTaskHasNoMail() {
        long before = jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single();
        var transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            runtimeService.startProcessInstanceByKey("password-attestation", Map.of("facilityIds", clinic.facilityId));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("a cluster: a row is sent by one node at a time; a node that died while sending leaves it to another")
    void claimedOnceThenFreedAfterTheHold() {
        attestation();
        long id = jdbc.sql("SELECT MIN(id) FROM mail_outbox WHERE state = 'PENDING'").query(Long.class).single();
        assertThat(outbox.claim(id, Duration.ofMinutes(5))).isTrue();
        assertThat(outbox.claim(id, Duration.ofMinutes(5))).as("the other node").isFalse();
        assertThat(outbox.waiting(1000)).extracting(MailOutbox.Row::id).doesNotContain(id);
        // the first node died: its hold ends
        jdbc.sql("UPDATE mail_outbox SET claimed_until = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), id).update();
        assertThat(outbox.claim(id, Duration.ofMinutes(5))).isTrue();
    }

    @Test
    @DisplayName("rows are kept mcs.mail.keep after they are done, then removed; waiting rows never")
    void keptThenRemoved() {
        attestation();
        drain.sendWaiting();
        attestation();   // a second campaign: its rows wait
        var longAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(366)));
        jdbc.sql("UPDATE mail_outbox SET created_at = ?").param(longAgo).update();
        int removed = outbox.removeDoneBefore(java.time.Instant.now().minus(settings.getKeep()));
        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE state <> 'PENDING'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE state = 'PENDING'").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("A9-2, A11-1: the reminder goes to the person, the escalation to every member of the administrators' group")
    void reminderAndEscalationMailed() {
        ProcessInstance campaign = attestation();
        complete(campaign, admin, Map.of("passwordChanged", true, "passwordSecret", true, "logsOut", true));
        Task attest = taskOf(nurse, "UserTask_Attest");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
        drain.sendWaiting();
        int earlier = SMTP.getReceivedMessages().length;
        runJobs(campaign);

        Task escalation = taskOf(nurse, "UserTask_Escalation");
        int reminders = rowsAbout(attest, Kind.REMINDER).size();   // one per reminder timer due in the 15 days
        assertThat(reminders).isPositive();
        assertThat(rowsAbout(escalation, Kind.ESCALATION)).hasSize(1);
        drain.sendWaiting();

        assertThat(Arrays.stream(SMTP.getReceivedMessages()).skip(earlier)
                .map(m -> recipient(m) + " " + subject(m)).toList())
                .contains(nurse + "@example.jp 【MCS運用ワークフロー】催促: パスワード管理の確認 が未処理です",
                        admin + "@example.jp 【MCS運用ワークフロー】対応のお願い（エスカレーション）: 未実施への対応");
        // every row of the campaign was sent once (the escalation task's own reminder included)
        assertThat(SMTP.getReceivedMessages()).hasSize(earlier + jdbc.sql(
                "SELECT COUNT(*) FROM mail_outbox WHERE state = 'SENT' AND done_at IS NOT NULL AND kind <> 'NEW_TASK'")
                .query(Integer.class).single());
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
        var management = engine.getManagementService();

        drain.sendWaiting();   // the first attempt fails: handed to a notification instance
        Map<String, Object> row = rowsAbout(task, Kind.NEW_TASK).get(0);
        assertThat(row).containsEntry("STATE", "HANDED_OVER");
        String instanceId = (String) row.get("HANDED_TO");
        assertThat(runtimeService.getVariable(instanceId, "taskId")).isEqualTo(task.getId());
        Job job = management.createJobQuery().processInstanceId(instanceId).singleResult();

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
                .processInstanceId(instanceId).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        sender.setPort(SMTP.getSmtp().getPort());   // the server is back: Cockpit's retry sends it
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(SMTP.getReceivedMessages()).extracting(NotificationTest::recipient).contains(nurse + "@example.jp");
    }

    @Test
    @DisplayName("mail off (the demo): the notification is logged, and a task done before the sending gets none")
    void mailOffAndTaskDone() {
        settings.setEnabled(false);
        ProcessInstance campaign = attestation();
        Task task = taskOf(admin, "UserTask_Attest");
        complete(campaign, admin, Map.of("passwordChanged", true, "passwordSecret", true, "logsOut", true));
        drain.sendWaiting();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(rowsAbout(taskOf(nurse, "UserTask_Attest"), Kind.NEW_TASK).get(0)).containsEntry("STATE", "LOGGED");
        assertThat(rowsAbout(task, Kind.NEW_TASK).get(0)).containsEntry("STATE", "SKIPPED");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
