package org.mcsgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, no process waits for ever: the tasks the policy gives no deadline are reminded every three days
 * (mcs.deadline.task-reminder-cycle) by their process's event sub-process 「未完了タスクの催促」 while they wait. Each
 * process is started at its waiting task (its own tests reach that task from the start); time moves on the engine
 * clock.
 */
@DisplayName("open tasks without a deadline of their own are reminded every three days")
class OpenTaskRemindersTest extends ProcessTestSupport {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            "coordinator-handover, UserTask_NameSuccessor", "group-archive, UserTask_Confirm",
            "group-invitation, UserTask_PatientApproval", "incident-report, UserTask_Acknowledge",
            "staff-offboarding, UserTask_Handover", "user-suspension, UserTask_Decide",
            "security-training-facility, UserTask_Escalation", "password-attestation-person, UserTask_Escalation"})
    void remindedWhileWaiting(String process, String task) {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        var instance = runtimeService.createProcessInstanceByKey(process).businessKey("reminder-test:" + process)
                .startBeforeActivity(task).setVariables(Map.of("initiator", "waiting-person",
                        "adminGroup", "reminder-test-admin", "coordinatorGroup", "reminder-test-coord",
                        "reporterUserId", "waiting-person")).execute();
        assertThat(instance).isWaitingAt(task);

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(2))));
        runJobs(instance);
        assertThat(runtimeService.getVariable(instance.getId(), "remindedAt")).isNull();

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(3)).plusSeconds(1)));
        runJobs(instance);
        assertThat(instance).hasPassed("StartEvent_RemindOpenTasks", "Task_RemindOpenTasks",
                "EndEvent_OpenTasksReminded").isWaitingAt(task);
        assertThat(runtimeService.getVariable(instance.getId(), "remindedAt")).isNotNull();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("StartEvent_RemindOpenTasks").singleResult().getDuedate())
                .as("the next reminder").isAfter(ClockUtil.getCurrentTime());
        runtimeService.deleteProcessInstance(instance.getId(), "test");
    }
}
