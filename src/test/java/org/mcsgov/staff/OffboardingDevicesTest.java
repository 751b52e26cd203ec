package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.device.CheckItem;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.group.GroupService;
import org.mcsgov.mcs.McsAction;
import org.mcsgov.takeout.Takeout;
import org.mcsgov.takeout.TakeoutService;
import org.springframework.beans.factory.annotation.Autowired;

/** The devices and take-outs of a leaver (A9-1, N3-10, A12-9): each returned, lost or overdue, before LEFT. */
@DisplayName("staff-offboarding: devices on loan and take-outs come back before LEFT (A9-1, N3-10, A12-9)")
class OffboardingDevicesTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    @Autowired DeviceLoans deviceLoans;
    @Autowired DeviceService devices;
    @Autowired TakeoutService takeouts;
    private OffboardingFixture scene;

    @BeforeEach
    void clinicWithLeaver() {
        scene = OffboardingFixture.clinicWithLeaver(this, groups);
    }

    private long incidentsFor(long deviceId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("incident-report")
                .variableValueEquals("deviceId", deviceId).count();
    }

    @Test
    @DisplayName("A9-1, N3-10: every device on loan in the register: one device-return each; one returned, one not returned → LOST and an incident report")
    void devicesReturned() {
        Device tablet = scene.lentToLeaver(devices, scene.clinic.facilityId + "-T1");
        Device phone = scene.lentToLeaver(devices, scene.clinic.facilityId + "-P1");
        assertThat(deviceLoans.onLoan(scene.leaver.id())).containsExactlyInAnyOrder(tablet.id(), phone.id());
        ProcessInstance instance = scene.offboard("release");
        runAllJobs(instance);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(2).allMatch(t -> t.getDueDate() != null);
        complete(scene.returnTask(instance, tablet), scene.admin, Map.of("deviceId", String.valueOf(tablet.id()),
                "deviceOutcome", "returned", "deviceCondition", "破損なし"));
        runAllJobs(instance);
        complete(scene.returnTask(instance, phone), scene.admin, Map.of("deviceId", String.valueOf(phone.id()), "deviceOutcome", "lost",
                "deviceCondition", "本人が紛失したと申告"));
        runAllJobs(instance);
        assertThat(devices.device(tablet.id()).orElseThrow().state()).isEqualTo("IN_USE");
        assertThat(devices.device(phone.id()).orElseThrow().state()).isEqualTo("LOST");
        assertThat(incidentsFor(phone.id())).isEqualTo(1);
        assertThat(deviceLoans.onLoan(scene.leaver.id())).isEmpty();
        complete(tasks(instance, "UserTask_AcknowledgePledge").get(0), scene.admin,
                Map.of("acknowledgedBy", "person", "pledgeAcknowledged", true));
        runAllJobs(instance);
        scene.confirmInMcs(instance, McsAction.RELEASE_STAFF);
        runAllJobs(instance);
        assertThat(instance).isEnded().hasPassed("CallActivity_ReturnDevice");
        scene.assertLeft();
    }

    @Test
    @DisplayName("A12-9 (issue 15): a take-out still out keeps the leaver from LEFT until it is returned; then LEFT")
    void takeoutOutBlocksLeft() {
        Device tablet = devices.register(scene.clinic.facilityId, "TABLET", scene.clinic.facilityId + "-TO1", "タブレット",
                "FACILITY", null, "test", "fixture");
        devices.recordCheck(tablet.id(), CheckItem.answeredAll("YES"), null, "test", "fixture");
        long takeout = takeouts.save(null, scene.clinic.facilityId, scene.leaver.id(), tablet.id(), "訪問記録", "訪問看護",
                "患者宅", java.time.LocalDate.now(), java.time.LocalDate.now().plusDays(1), "fixture");
        takeouts.approved(takeout, scene.admin);

        ProcessInstance instance = scene.offboard("release");
        scene.finish(instance);
        assertThat(instance).isWaitingAt("Timer_WaitTakeouts").hasNotPassed("Task_MarkLeft");
        assertThat(directory.staff(scene.leaver.id()).orElseThrow().status()).isEqualTo("LOCKED");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(61).toMillis()));
        runAllJobs(instance);
        assertThat(instance).as("checked again, still out").isWaitingAt("Timer_WaitTakeouts");

        takeouts.close(takeout, Takeout.State.BACK, null, "破損なし", scene.admin);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(61).toMillis()));
        runAllJobs(instance);
        assertThat(instance).isEnded().hasPassed("Task_CheckTakeouts", "Task_MarkLeft");
        scene.assertLeft();
    }

    @Test
    @DisplayName("A9-1, N3-10: a device not returned by the due date: an incident report, the return task stays until it is back")
    void deviceOverdue() {
        Device tablet = scene.lentToLeaver(devices, scene.clinic.facilityId + "-T2");
        ProcessInstance instance = scene.offboard("release");
        runAllJobs(instance);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
        runAllJobs(instance);
        assertThat(incidentsFor(tablet.id())).isEqualTo(1);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(1);
        complete(tasks(instance, "UserTask_Return").get(0), scene.admin, Map.of("deviceId", String.valueOf(tablet.id()),
                "deviceOutcome", "returned", "deviceCondition", "遅れて返却"));
        runAllJobs(instance);
        assertThat(tasks(instance, "UserTask_Return")).isEmpty();
        assertThat(instance).isWaitingAt("UserTask_AcknowledgePledge");
    }
}
