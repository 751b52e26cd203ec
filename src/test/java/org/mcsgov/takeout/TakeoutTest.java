package org.mcsgov.takeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.takeout.TakeoutFixture.clockTo;
import static org.mcsgov.takeout.TakeoutFixture.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.notification.Outbox;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

@DisplayName("device-takeout: written request, approval before anything leaves, reminder, return, withdrawal (A12-9)")
class TakeoutTest extends ProcessTestSupport {

    @Autowired DecisionLog decisions;
    @Autowired JdbcClient jdbcClient;
    @Autowired TakeoutController controller;
    @Autowired HistoryService historyService;
    TakeoutFixture fx;

    @BeforeEach
    void aTablet() {
        fx = new TakeoutFixture(this);
    }

    @Test
    @DisplayName("A12-9: approved by the administrator: taken out, reminded before the end, return confirmed with the state")
    void approvedRemindedReturned() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        Takeout requested = fx.takeout(instance);
        assertThat(requested.state()).isEqualTo("REQUESTED");
        assertThat(fx.scene.state(fx.tablet.id())).as("nothing leaves before the approval").isEqualTo("IN_USE");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo("takeout:" + requested.id());
        assertThat(visibleTasks(instance, fx.scene.manager)).as("two administrators: the manager is not asked").isZero();

        decide(instance, fx.scene.admin, "approve", null);
        assertThat(instance).isWaitingAt("UserTask_ConfirmReturn");
        assertThat(fx.takeout(instance).state()).isEqualTo("APPROVED");
        assertThat(fx.takeout(instance).approvedBy()).isEqualTo(fx.scene.admin);
        assertThat(fx.scene.state(fx.tablet.id())).isEqualTo("TAKEN_OUT");

        Instant end = fx.endOfPeriod(instance);
        assertThat(end).isEqualTo(EngineClock.today().plusDays(4).atStartOfDay(EngineClock.ZONE).toInstant());
        clockTo(end.minus(Duration.ofHours(23)));
        fx.scene.runAllDueJobs();
        assertThat(instance).hasPassed("Task_Remind").isWaitingAt("UserTask_ConfirmReturn").hasNotPassed("Task_EscalateAdmin");

        complete(instance, fx.scene.admin2, Map.of("takeoutOutcome", "back", "returnCondition", "破損なし、記録の残存なし"));
        assertThat(instance).isEnded().hasPassed("Task_CheckReturn", "EndEvent_Returned");
        assertThat(fx.takeout(instance)).satisfies(t -> {
            assertThat(t.state()).isEqualTo("BACK");
            assertThat(t.confirmedBy()).isEqualTo(fx.scene.admin2);
            assertThat(t.returnCondition()).contains("破損なし");
        });
        assertThat(fx.scene.state(fx.tablet.id())).isEqualTo("IN_USE");
        assertThat(decisions.entries("TAKEOUT", requested.id())).extracting(DecisionLog.Entry::step)
                .containsExactly("REQUEST", "APPROVE", "REMIND", "BACK");
        // issue 15: the completion reaches the applicant too (approval.CompletionNotice), not only the approval
        assertThat(Outbox.rows(jdbcClient, "takeout:" + requested.id())).filteredOn("KIND", "RESULT")
                .filteredOn(row -> ((String) row.get("NOTICE")).contains("の手続きが完了しました: 返却の確認（破損なし"))
                .hasSize(1);
    }

    @Test
    @DisplayName("A12-9: rejected with a reason: nothing is taken out")
    void rejected() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        assertThatThrownBy(() -> decide(instance, fx.scene.admin, "reject", null)).isInstanceOf(UserError.class);
        decide(instance, fx.scene.admin, "reject", "個人の情報は持ち出さず、訪問先でMCSを閲覧してください");
        assertThat(instance).isEnded().hasPassed("Task_CloseUnapproved", "EndEvent_NotApproved");
        assertThat(fx.takeout(instance).state()).isEqualTo("REJECTED");
        assertThat(fx.takeout(instance).closeReason()).contains("訪問先でMCS");
        assertThat(fx.scene.state(fx.tablet.id())).isEqualTo("IN_USE");
    }

    @Test
    @DisplayName("DESIGN §3b: returned for correction, corrected and resubmitted in the same instance, then approved")
    void returnedAndResubmitted() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        decide(instance, fx.scene.admin, "return", "持ち出し先を具体的に書いてください");
        assertThat(instance).isWaitingAt("UserTask_Request");
        assertThat(runtimeService.getVariable(instance.getId(), "returnComment")).isEqualTo("持ち出し先を具体的に書いてください");
        assertThat(fx.takeout(instance).state()).isEqualTo("RETURNED_FOR_CORRECTION");

        Map<String, Object> corrected = request(fx.tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(2));
        corrected.put("destination", "小平市学園東町の利用者宅");
        complete(instance, fx.scene.nurse.userId(), corrected);
        runJobs(instance);
        decide(instance, fx.scene.admin2, "approve", null);
        assertThat(instance).isWaitingAt("UserTask_ConfirmReturn");
        assertThat(fx.takeout(instance).destination()).isEqualTo("小平市学園東町の利用者宅");
        assertThat(decisions.entries("TAKEOUT", fx.takeout(instance).id())).extracting(DecisionLog.Entry::step)
                .containsExactly("REQUEST", "RETURN", "RESUBMIT", "APPROVE");
    }

    @Test
    @DisplayName("DESIGN §3b: the applicant withdraws a returned request")
    void withdrawn() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        decide(instance, fx.scene.admin, "return", "期間を短くしてください");
        Map<String, Object> withdraw = request(fx.tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(1));
        withdraw.put("requestAction", "withdraw");
        complete(instance, fx.scene.nurse.userId(), withdraw);
        assertThat(instance).isEnded().hasPassed("Task_CloseWithdrawn", "EndEvent_Withdrawn");
        assertThat(fx.takeout(instance).state()).isEqualTo("WITHDRAWN");
    }

    @Test
    @DisplayName("issue 15: a request that cannot be submitted is withdrawn before any submission; nothing recorded")
    void withdrawnBeforeFirstRequest() {
        ProcessInstance instance = start(fx.scene.nurse.userId(), "device-takeout", Map.of());
        Map<String, Object> tooLong = request(fx.tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(60));
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), tooLong)).isInstanceOf(UserError.class);
        Map<String, Object> withdraw = request(fx.tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(1));
        withdraw.put("requestAction", "withdraw");
        complete(instance, fx.scene.nurse.userId(), withdraw);
        assertThat(instance).isEnded().hasPassed("Task_CloseWithdrawn", "EndEvent_Withdrawn");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("takeoutId").count()).isZero();
    }

    @Test
    @DisplayName("DESIGN §3b: the applicant withdraws before the decision (message takeout-withdraw); nobody else, never after it")
    void withdrawnBeforeDecision() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        long id = fx.takeout(instance).id();
        as(fx.scene.admin);
        assertThatThrownBy(() -> controller.withdraw(id, new TakeoutController.Withdraw("代わりに"))).isInstanceOf(ResponseStatusException.class);
        identityService.clearAuthentication();
        as(fx.scene.nurse.userId());
        assertThatThrownBy(() -> controller.withdraw(id, new TakeoutController.Withdraw(" "))).isInstanceOf(UserError.class);
        controller.withdraw(id, new TakeoutController.Withdraw("訪問の予定がなくなった"));
        identityService.clearAuthentication();
        assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawal", "EndEvent_WithdrawnBeforeDecision");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("approval")
                .variableValueEquals("approvalSubjectId", id).count()).as("the approval ended too").isZero();
        assertThat(fx.takeout(instance).state()).isEqualTo("WITHDRAWN");
        assertThat(fx.takeout(instance).closeReason()).contains("訪問の予定がなくなった");

        ProcessInstance decided = fx.submit(fx.scene.nurse.userId());
        decide(decided, fx.scene.admin, "approve", null);
        long approved = fx.takeout(decided).id();
        as(fx.scene.nurse.userId());
        assertThatThrownBy(() -> controller.withdraw(approved, new TakeoutController.Withdraw("やめます")))
                .isInstanceOf(UserError.class);
        identityService.clearAuthentication();
    }

    @Test
    @DisplayName("A12-9: an administrator's own request: not by themself, by another administrator or the manager")
    void ownRequestNeedsAnotherApprover() {
        ProcessInstance instance = fx.submit(fx.scene.admin);
        assertThat(visibleTasks(instance, fx.scene.manager)).isEqualTo(1);
        assertThatThrownBy(() -> decide(instance, fx.scene.admin, "approve", null)).isInstanceOf(UserError.class)
                .hasMessageContaining("自分の申請は承認できません");
        taskService.setAssignee(singleTask(instance, fx.scene.manager).getId(), null);
        decide(instance, fx.scene.manager, "approve", null);
        assertThat(fx.takeout(instance).approvedBy()).isEqualTo(fx.scene.manager);
    }

    @Test
    @DisplayName("A12-9 trust boundary: the approval handed to a colleague who is no approver, or to the applicant, is refused")
    void approvalHandedToNonApprover() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        String colleague = fx.scene.station.person("colleague").userId();
        for (String holder : new String[] {colleague, fx.scene.nurse.userId(), fx.scene.manager}) {
            var task = singleTask(instance, fx.scene.admin);
            taskService.setAssignee(task.getId(), holder);
            assertThatThrownBy(() -> complete(taskService.createTaskQuery().taskId(task.getId()).singleResult(), holder,
                    Map.of("decision", "approve"))).as(holder).isInstanceOf(UserError.class);
            taskService.setAssignee(task.getId(), null);
        }
        assertThat(fx.takeout(instance).state()).isEqualTo("REQUESTED");
        assertThat(fx.scene.state(fx.tablet.id())).isEqualTo("IN_USE");
    }
}
