package org.mcsgov.deviceloan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceFixture;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("device-loan and device-return: lent and returned with history, not returned or overdue → incident (A8-2, A9-1, N3-10)")
class DeviceLoanTest extends ProcessTestSupport {

    @Autowired DeviceService devices;
    private DeviceFixture scene;

    @BeforeEach
    void stationWithStaff() {
        scene = DeviceFixture.stationWithStaff(this, devices);
    }

    private ProcessInstance lend(Device device) {
        ProcessInstance instance = start(scene.admin, "device-loan", Map.of());
        complete(instance, scene.admin, Map.of("loanAction", "lend", "deviceId", String.valueOf(device.id()),
                "borrowerStaffId", String.valueOf(scene.nurse.id())));
        return instance;
    }

    /** device-loan ends the loan; device-return (called) asks the administrator to confirm it. */
    private ProcessInstance endLoan(Device device) {
        ProcessInstance instance = start(scene.admin, "device-loan", Map.of());
        complete(instance, scene.admin, Map.of("loanAction", "return", "returnDeviceId", String.valueOf(device.id())));
        runJobs(instance);
        return instance;
    }

    private ProcessInstance returnOf(Device device, String outcome) {
        ProcessInstance instance = endLoan(device);
        complete(instance, scene.admin, Map.of("deviceId", String.valueOf(device.id()), "deviceOutcome", outcome,
                "deviceCondition", "returned".equals(outcome) ? "破損なし、初期化済み" : "訪問先で置き忘れ、見つからない"));
        runJobs(instance);
        return instance;
    }

    private ProcessInstance returnProcess(ProcessInstance loan) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(loan.getId()).singleResult();
    }

    @Test
    @DisplayName("A8-2: lent to a person, then returned with its condition: the loan history holds both, the device is back")
    void lentAndReturned() {
        Device device = scene.usableDevice("NS-L-001");
        ProcessInstance loan = lend(device);
        assertThat(loan).isEnded().hasPassed("Task_CheckLoan", "EndEvent_Lent");
        assertThat(scene.state(device.id())).isEqualTo("ON_LOAN");
        assertThat(devices.onLoanTo(scene.nurse.id())).extracting(Device::id).containsExactly(device.id());

        ProcessInstance back = endLoan(device);
        assertThat(returnProcess(back)).isWaitingAt("UserTask_Return");
        complete(back, scene.admin, Map.of("deviceId", String.valueOf(device.id()), "deviceOutcome", "returned",
                "deviceCondition", "破損なし、初期化済み"));
        runJobs(back);
        assertThat(back).isEnded().hasPassed("CallActivity_Return", "EndEvent_Returned");
        assertThat(scene.state(device.id())).isEqualTo("IN_USE");
        assertThat(devices.onLoanTo(scene.nurse.id())).isEmpty();
        assertThat(devices.loans(device.id())).singleElement().satisfies(l -> {
            assertThat(l.userId()).isEqualTo(scene.nurse.userId());
            assertThat(l.lentBy()).isEqualTo(scene.admin);
            assertThat(l.returnedTo()).isEqualTo(scene.admin);
            assertThat(l.returnCondition()).isEqualTo("破損なし、初期化済み");
            assertThat(l.validTo()).isNotNull();
        });
        assertThat(devices.states(device.id())).extracting(DeviceService.StateRow::state)
                .containsExactly("CHECK_PENDING", "IN_USE", "ON_LOAN", "IN_USE");
    }

    @Test
    @DisplayName("N3-10: not returned: the device is LOST and an incident report is started")
    void notReturnedIsLost() {
        Device device = scene.lentTo(scene.nurse, "NS-L-002");
        ProcessInstance instance = returnOf(device, "lost");
        assertThat(instance).isEnded();
        assertThat(scene.state(device.id())).isEqualTo("LOST");
        assertThat(scene.incidentsFor(device.id())).singleElement().satisfies(incident ->
                assertThat(runtimeService.getVariable(incident.getId(), "incidentKind")).isEqualTo("LOST_DEVICE"));
    }

    @Test
    @DisplayName("N3-10: not back by the due date: an incident report, the return task stays and is confirmed later")
    void overdueReported() {
        Device device = scene.lentTo(scene.nurse, "NS-L-003");
        ProcessInstance instance = endLoan(device);
        ProcessInstance confirmation = returnProcess(instance);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
        scene.runAllDueJobs();
        assertThat(confirmation).hasPassed("Task_ReportOverdue", "EndEvent_OverdueReported").isWaitingAt("UserTask_Return");
        assertThat(scene.incidentsFor(device.id())).hasSize(1);
        complete(instance, scene.admin, Map.of("deviceId", String.valueOf(device.id()), "deviceOutcome", "returned",
                "deviceCondition", "遅れて返却、破損なし"));
        runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(scene.state(device.id())).isEqualTo("IN_USE");
    }

    @Test
    @DisplayName("bad input: only usable devices not on loan, to a person of the facility; a return only of a device on loan")
    void badInput() {
        Device device = scene.usableDevice("NS-L-004");
        var other = Fixture.facility(directory, FacilityKind.PHARMACY).person("staff");
        ProcessInstance loan = start(scene.admin, "device-loan", Map.of());
        assertThatThrownBy(() -> complete(loan, scene.admin, Map.of("loanAction", "lend", "deviceId", String.valueOf(device.id()),
                "borrowerStaffId", String.valueOf(other.id())))).isInstanceOf(UserError.class);
        devices.changeState(device.id(), Device.State.UNUSABLE, "test", "test", "fixture");
        assertThatThrownBy(() -> complete(loan, scene.admin, Map.of("loanAction", "lend", "deviceId", String.valueOf(device.id()),
                "borrowerStaffId", String.valueOf(scene.nurse.id())))).isInstanceOf(UserError.class).hasMessageContaining("貸与できません");
        assertThatThrownBy(() -> complete(loan, scene.admin, Map.of("loanAction", "return",
                "returnDeviceId", String.valueOf(device.id())))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> start(scene.nurse.userId(), "device-loan", Map.of())).isInstanceOf(RuntimeException.class);
    }
}
