package org.mcsgov.takeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceFixtures;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;

@DisplayName("device-takeout: written request, approval before anything leaves, reminder, return, overdue escalation, loss (A12-9)")
class TakeoutTest extends DeviceFixtures {

    @Autowired TakeoutService takeouts;
    @Autowired DecisionLog decisions;
    @Autowired TakeoutController controller;
    @Autowired HistoryService historyService;

    Device tablet;

    @BeforeEach
    void aTablet() {
        tablet = usableDevice("NS-TO-" + System.nanoTime() % 100000);
    }

    private Map<String, Object> request(Device device, LocalDate from, LocalDate to) {
        return new HashMap<>(Map.of("content", "訪問予定の患者3名の訪問記録（MCSの閲覧のみ）", "deviceId", String.valueOf(device.id()),
                "purpose", "訪問看護での記録の確認", "destination", "利用者宅（小平市内）", "fromDate", from.toString(),
                "toDate", to.toString(), "requestAction", "submit"));
    }

    private ProcessInstance submit(String applicant) {
        ProcessInstance instance = start(applicant, "device-takeout", Map.of());
        complete(instance, applicant, request(tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(3)));
        runJobs(instance);
        return instance;
    }

    private Takeout takeout(ProcessInstance instance) {
        return takeouts.takeout((Long) variable(instance, "takeoutId")).orElseThrow();
    }

    private void clockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private Instant endOfPeriod(ProcessInstance instance) {
        return ((Date) runtimeService.getVariable(instance.getId(), "takeoutEndsAt")).toInstant();
    }

    @Test
    @DisplayName("A12-9: approved by the administrator: taken out, reminded before the end, return confirmed with the state")
    void approvedRemindedReturned() {
        ProcessInstance instance = submit(nurse.userId());
        Takeout requested = takeout(instance);
        assertThat(requested.state()).isEqualTo("REQUESTED");
        assertThat(state(tablet.id())).as("nothing leaves before the approval").isEqualTo("IN_USE");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo("takeout:" + requested.id());
        assertThat(visibleTasks(instance, manager)).as("two administrators: the manager is not asked").isZero();

        decide(instance, admin, "approve", null);
        assertThat(instance).isWaitingAt("UserTask_ConfirmReturn");
        assertThat(takeout(instance).state()).isEqualTo("APPROVED");
        assertThat(takeout(instance).approvedBy()).isEqualTo(admin);
        assertThat(state(tablet.id())).isEqualTo("TAKEN_OUT");

        Instant end = endOfPeriod(instance);
        assertThat(end).isEqualTo(EngineClock.today().plusDays(4).atStartOfDay(EngineClock.ZONE).toInstant());
        clockTo(end.minus(Duration.ofHours(23)));
        runAllDueJobs();
        assertThat(instance).hasPassed("Task_Remind").isWaitingAt("UserTask_ConfirmReturn").hasNotPassed("Task_EscalateAdmin");

        complete(instance, admin2, Map.of("takeoutOutcome", "back", "returnCondition", "破損なし、記録の残存なし"));
        assertThat(instance).isEnded().hasPassed("Task_CheckReturn", "EndEvent_Returned");
        assertThat(takeout(instance)).satisfies(t -> {
            assertThat(t.state()).isEqualTo("BACK");
            assertThat(t.confirmedBy()).isEqualTo(admin2);
            assertThat(t.returnCondition()).contains("破損なし");
        });
        assertThat(state(tablet.id())).isEqualTo("IN_USE");
        assertThat(decisions.entries("TAKEOUT", requested.id())).extracting(DecisionLog.Entry::step)
                .containsExactly("REQUEST", "APPROVE", "REMIND", "BACK");
        // issue 15: the completion reaches the applicant too (approval.CompletionNotice), not only the approval
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("notification")
                .processInstanceBusinessKey("takeout:" + requested.id()).variableValueEquals("kind", "RESULT")
                .variableValueLike("notice", "%の手続きが完了しました: 返却の確認（破損なし%").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("A12-9: rejected with a reason: nothing is taken out")
    void rejected() {
        ProcessInstance instance = submit(nurse.userId());
        assertThatThrownBy(() -> decide(instance, admin, "reject", null)).isInstanceOf(UserError.class);
        decide(instance, admin, "reject", "個人の情報は持ち出さず、訪問先でMCSを閲覧してください");
        assertThat(instance).isEnded().hasPassed("Task_CloseUnapproved", "EndEvent_NotApproved");
        assertThat(takeout(instance).state()).isEqualTo("REJECTED");
        assertThat(takeout(instance).closeReason()).contains("訪問先でMCS");
        assertThat(state(tablet.id())).isEqualTo("IN_USE");
    }

    @Test
    @DisplayName("DESIGN §3b: returned for correction, corrected and resubmitted in the same instance, then approved")
    void returnedAndResubmitted() {
        ProcessInstance instance = submit(nurse.userId());
        decide(instance, admin, "return", "持ち出し先を具体的に書いてください");
        assertThat(instance).isWaitingAt("UserTask_Request");
        assertThat(runtimeService.getVariable(instance.getId(), "returnComment")).isEqualTo("持ち出し先を具体的に書いてください");
        assertThat(takeout(instance).state()).isEqualTo("RETURNED_FOR_CORRECTION");

        Map<String, Object> corrected = request(tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(2));
        corrected.put("destination", "小平市学園東町の利用者宅");
        complete(instance, nurse.userId(), corrected);
        runJobs(instance);
        decide(instance, admin2, "approve", null);
        assertThat(instance).isWaitingAt("UserTask_ConfirmReturn");
        assertThat(takeout(instance).destination()).isEqualTo("小平市学園東町の利用者宅");
        assertThat(decisions.entries("TAKEOUT", takeout(instance).id())).extracting(DecisionLog.Entry::step)
                .containsExactly("REQUEST", "RETURN", "RESUBMIT", "APPROVE");
    }

    @Test
    @DisplayName("DESIGN §3b: the applicant withdraws a returned request")
    void withdrawn() {
        ProcessInstance instance = submit(nurse.userId());
        decide(instance, admin, "return", "期間を短くしてください");
        Map<String, Object> withdraw = request(tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(1));
        withdraw.put("requestAction", "withdraw");
        complete(instance, nurse.userId(), withdraw);
        assertThat(instance).isEnded().hasPassed("Task_CloseWithdrawn", "EndEvent_Withdrawn");
        assertThat(takeout(instance).state()).isEqualTo("WITHDRAWN");
    }

    @Test
    @DisplayName("issue 15: a request that cannot be submitted is withdrawn before any submission; nothing recorded")
    void withdrawnBeforeFirstRequest() {
        ProcessInstance instance = start(nurse.userId(), "device-takeout", Map.of());
        Map<String, Object> tooLong = request(tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(60));
        assertThatThrownBy(() -> complete(instance, nurse.userId(), tooLong)).isInstanceOf(UserError.class);
        Map<String, Object> withdraw = request(tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(1));
        withdraw.put("requestAction", "withdraw");
        complete(instance, nurse.userId(), withdraw);
        assertThat(instance).isEnded().hasPassed("Task_CloseWithdrawn", "EndEvent_Withdrawn");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("takeoutId").count()).isZero();
    }

    @Test
    @DisplayName("DESIGN §3b: the applicant withdraws before the decision (message takeout-withdraw); nobody else, never after it")
    void withdrawnBeforeDecision() {
        ProcessInstance instance = submit(nurse.userId());
        long id = takeout(instance).id();
        as(admin);
        assertThatThrownBy(() -> controller.withdraw(id, new TakeoutController.Withdraw("代わりに"))).isInstanceOf(ResponseStatusException.class);
        identityService.clearAuthentication();
        as(nurse.userId());
        assertThatThrownBy(() -> controller.withdraw(id, new TakeoutController.Withdraw(" "))).isInstanceOf(UserError.class);
        controller.withdraw(id, new TakeoutController.Withdraw("訪問の予定がなくなった"));
        identityService.clearAuthentication();
        assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawal", "EndEvent_WithdrawnBeforeDecision");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("approval")
                .variableValueEquals("approvalSubjectId", id).count()).as("the approval ended too").isZero();
        assertThat(takeout(instance).state()).isEqualTo("WITHDRAWN");
        assertThat(takeout(instance).closeReason()).contains("訪問の予定がなくなった");

        ProcessInstance decided = submit(nurse.userId());
        decide(decided, admin, "approve", null);
        long approved = takeout(decided).id();
        as(nurse.userId());
        assertThatThrownBy(() -> controller.withdraw(approved, new TakeoutController.Withdraw("やめます")))
                .isInstanceOf(UserError.class);
        identityService.clearAuthentication();
    }

    @Test
    @DisplayName("A12-9: an administrator's own request: not by themself, by another administrator or the manager")
    void ownRequestNeedsAnotherApprover() {
        ProcessInstance instance = submit(admin);
        assertThat(visibleTasks(instance, manager)).isEqualTo(1);
        assertThatThrownBy(() -> decide(instance, admin, "approve", null)).isInstanceOf(UserError.class)
                .hasMessageContaining("自分の申請は承認できません");
        taskService.setAssignee(singleTask(instance, manager).getId(), null);
        decide(instance, manager, "approve", null);
        assertThat(takeout(instance).approvedBy()).isEqualTo(manager);
    }

    @Test
    @DisplayName("A12-9 trust boundary: the approval handed to a colleague who is no approver, or to the applicant, is refused")
    void approvalHandedToNonApprover() {
        ProcessInstance instance = submit(nurse.userId());
        String colleague = station.person("colleague").userId();
        for (String holder : new String[] {colleague, nurse.userId(), manager}) {
            var task = singleTask(instance, admin);
            taskService.setAssignee(task.getId(), holder);
            assertThatThrownBy(() -> complete(taskService.createTaskQuery().taskId(task.getId()).singleResult(), holder,
                    Map.of("decision", "approve"))).as(holder).isInstanceOf(UserError.class);
            taskService.setAssignee(task.getId(), null);
        }
        assertThat(takeout(instance).state()).isEqualTo("REQUESTED");
        assertThat(state(tablet.id())).isEqualTo("IN_USE");
    }

    @Test
    @DisplayName("bad input: period in the past, ending before it starts, too long; a device not in the register, unusable, or of another facility")
    void badInput() {
        ProcessInstance instance = start(nurse.userId(), "device-takeout", Map.of());
        assertThat(runtimeService.getVariable(instance.getId(), "maxPeriod")).as("the form's 「最長 …」 in words")
                .isEqualTo("14日");
        LocalDate today = EngineClock.today();
        assertThatThrownBy(() -> complete(instance, nurse.userId(), request(tablet, today.minusDays(1), today.plusDays(1))))
                .isInstanceOf(UserError.class).hasMessageContaining("過去");
        assertThatThrownBy(() -> complete(instance, nurse.userId(), request(tablet, today.plusDays(3), today.plusDays(2))))
                .isInstanceOf(UserError.class).hasMessageContaining("開始日より前");
        assertThatThrownBy(() -> complete(instance, nurse.userId(), request(tablet, today, today.plusDays(14))))
                .isInstanceOf(UserError.class).hasMessageContaining("14日以内");
        Map<String, Object> unknown = request(tablet, today, today);
        unknown.put("deviceId", "999999999");
        assertThatThrownBy(() -> complete(instance, nurse.userId(), unknown)).isInstanceOf(UserError.class)
                .hasMessageContaining("選択肢にない");
        Device elsewhere = devices.register(Fixture.facility(directory, FacilityKind.PHARMACY).facilityId, "PC", "PH-1",
                "PC", "FACILITY", null, "test", "fixture");
        assertThatThrownBy(() -> complete(instance, nurse.userId(), request(elsewhere, today, today)))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        Device unchecked = devices.register(station.facilityId, "USB_MEDIUM", "NS-USB-" + System.nanoTime() % 100000,
                "USBメモリ", "FACILITY", null, "test", "fixture");
        assertThatThrownBy(() -> complete(instance, nurse.userId(), request(unchecked, today, today)))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        Map<String, Object> missing = request(tablet, today, today);
        missing.remove("purpose");
        assertThatThrownBy(() -> complete(instance, nurse.userId(), missing)).isInstanceOf(UserError.class);
        assertThat(instance).isWaitingAt("UserTask_Request");

        complete(instance, nurse.userId(), request(tablet, today, today.plusDays(13)));
        assertThat(takeout(instance).state()).isEqualTo("REQUESTED");
    }

    @Test
    @DisplayName("A12-9: overdue: escalated to the administrators, then to the facility manager, who confirms the return")
    void overdueEscalated() {
        ProcessInstance instance = submit(nurse.userId());
        decide(instance, admin, "approve", null);
        Instant end = endOfPeriod(instance);
        clockTo(end.plusSeconds(60));
        runAllDueJobs();
        assertThat(instance).hasPassed("Task_Remind", "Task_EscalateAdmin").hasNotPassed("Task_EscalateManager");
        assertThat(takeout(instance).state()).isEqualTo("OVERDUE");
        assertThat(visibleTasks(instance, manager)).isZero();

        clockTo(end.plus(Duration.ofDays(2)).plusSeconds(60));
        runAllDueJobs();
        assertThat(instance).hasPassed("Task_EscalateManager");
        assertThat(visibleTasks(instance, manager)).isEqualTo(1);
        complete(instance, manager, Map.of("takeoutOutcome", "back", "returnCondition", "3日遅れで返却、破損なし"));
        assertThat(instance).isEnded();
        assertThat(takeout(instance).confirmedBy()).isEqualTo(manager);
        assertThat(decisions.entries("TAKEOUT", takeout(instance).id())).extracting(DecisionLog.Entry::step)
                .contains("ESCALATE");
    }

    @Test
    @DisplayName("A12-9, N3-10: lost during the take-out: the device is LOST and an incident report is started")
    void lostDuringTakeout() {
        ProcessInstance instance = submit(nurse.userId());
        decide(instance, admin, "approve", null);
        complete(instance, admin, Map.of("takeoutOutcome", "lost", "returnCondition", "訪問先からの帰りに電車内で紛失したと報告あり"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("Task_ReportLoss", "EndEvent_Lost");
        assertThat(takeout(instance).state()).isEqualTo("LOST");
        assertThat(state(tablet.id())).isEqualTo("LOST");
        assertThat(incidentsFor(tablet.id())).singleElement().satisfies(incident -> {
            assertThat(runtimeService.getVariable(incident.getId(), "takeoutId")).isEqualTo(takeout(instance).id());
            assertThat(runtimeService.getVariable(incident.getId(), "reporterUserId")).isEqualTo(nurse.userId());
        });
    }

    @Test
    @DisplayName("A12-9: no decision before the approval expires: EXPIRED, nothing leaves")
    void expired() {
        ProcessInstance instance = submit(nurse.userId());
        clockTo(EngineClock.now().plus(Duration.ofDays(8)));
        runAllDueJobs();
        assertThat(instance).isEnded().hasPassed("Task_CloseUnapproved");
        assertThat(takeout(instance).state()).isEqualTo("EXPIRED");
    }
}
