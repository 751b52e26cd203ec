package org.mcsgov.takeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.takeout.TakeoutFixture.clockTo;
import static org.mcsgov.takeout.TakeoutFixture.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("device-takeout: bad input, overdue escalation, loss, expiry (A12-9)")
class TakeoutDeadlinesTest extends ProcessTestSupport {

    @Autowired DeviceService devices;
    @Autowired DecisionLog decisions;
    TakeoutFixture fx;

    @BeforeEach
    void aTablet() {
        fx = new TakeoutFixture(this);
    }

    @Test
    @DisplayName("bad input: period in the past, ending before it starts, too long; a device not in the register, unusable, or of another facility")
    void badInput() {
        ProcessInstance instance = start(fx.scene.nurse.userId(), "device-takeout", Map.of());
        assertThat(runtimeService.getVariable(instance.getId(), "maxPeriod")).as("the form's 「最長 …」 in words")
                .isEqualTo("14日");
        LocalDate today = EngineClock.today();
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), request(fx.tablet, today.minusDays(1), today.plusDays(1))))
                .isInstanceOf(UserError.class).hasMessageContaining("過去");
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), request(fx.tablet, today.plusDays(3), today.plusDays(2))))
                .isInstanceOf(UserError.class).hasMessageContaining("開始日より前");
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), request(fx.tablet, today, today.plusDays(14))))
                .isInstanceOf(UserError.class).hasMessageContaining("14日以内");
        Map<String, Object> unknown = request(fx.tablet, today, today);
        unknown.put("deviceId", "999999999");
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), unknown)).isInstanceOf(UserError.class)
                .hasMessageContaining("選択肢にない");
        Device elsewhere = devices.register(Fixture.facility(directory, FacilityKind.PHARMACY).facilityId, "PC", "PH-1",
                "PC", "FACILITY", null, "test", "fixture");
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), request(elsewhere, today, today)))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        Device unchecked = devices.register(fx.scene.station.facilityId, "USB_MEDIUM", "NS-USB-" + System.nanoTime() % 100000,
                "USBメモリ", "FACILITY", null, "test", "fixture");
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), request(unchecked, today, today)))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        Map<String, Object> missing = request(fx.tablet, today, today);
        missing.remove("purpose");
        assertThatThrownBy(() -> complete(instance, fx.scene.nurse.userId(), missing)).isInstanceOf(UserError.class);
        assertThat(instance).isWaitingAt("UserTask_Request");

        complete(instance, fx.scene.nurse.userId(), request(fx.tablet, today, today.plusDays(13)));
        assertThat(fx.takeout(instance).state()).isEqualTo("REQUESTED");
    }

    @Test
    @DisplayName("A12-9: overdue: escalated to the administrators, then to the facility manager, who confirms the return")
    void overdueEscalated() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        decide(instance, fx.scene.admin, "approve", null);
        Instant end = fx.endOfPeriod(instance);
        clockTo(end.plusSeconds(60));
        fx.scene.runAllDueJobs();
        assertThat(instance).hasPassed("Task_Remind", "Task_EscalateAdmin").hasNotPassed("Task_EscalateManager");
        assertThat(fx.takeout(instance).state()).isEqualTo("OVERDUE");
        assertThat(visibleTasks(instance, fx.scene.manager)).isZero();

        clockTo(end.plus(Duration.ofDays(2)).plusSeconds(60));
        fx.scene.runAllDueJobs();
        assertThat(instance).hasPassed("Task_EscalateManager");
        assertThat(visibleTasks(instance, fx.scene.manager)).isEqualTo(1);
        complete(instance, fx.scene.manager, Map.of("takeoutOutcome", "back", "returnCondition", "3日遅れで返却、破損なし"));
        assertThat(instance).isEnded();
        assertThat(fx.takeout(instance).confirmedBy()).isEqualTo(fx.scene.manager);
        assertThat(decisions.entries("TAKEOUT", fx.takeout(instance).id())).extracting(DecisionLog.Entry::step)
                .contains("ESCALATE");
    }

    @Test
    @DisplayName("A12-9, N3-10: lost during the take-out: the device is LOST and an incident report is started")
    void lostDuringTakeout() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        decide(instance, fx.scene.admin, "approve", null);
        complete(instance, fx.scene.admin, Map.of("takeoutOutcome", "lost", "returnCondition", "訪問先からの帰りに電車内で紛失したと報告あり"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("Task_ReportLoss", "EndEvent_Lost");
        assertThat(fx.takeout(instance).state()).isEqualTo("LOST");
        assertThat(fx.scene.state(fx.tablet.id())).isEqualTo("LOST");
        assertThat(fx.scene.incidentsFor(fx.tablet.id())).singleElement().satisfies(incident -> {
            assertThat(runtimeService.getVariable(incident.getId(), "takeoutId")).isEqualTo(fx.takeout(instance).id());
            assertThat(runtimeService.getVariable(incident.getId(), "reporterUserId")).isEqualTo(fx.scene.nurse.userId());
        });
    }

    @Test
    @DisplayName("A12-9: no decision before the approval expires: EXPIRED, nothing leaves")
    void expired() {
        ProcessInstance instance = fx.submit(fx.scene.nurse.userId());
        clockTo(EngineClock.now().plus(Duration.ofDays(8)));
        fx.scene.runAllDueJobs();
        assertThat(instance).isEnded().hasPassed("Task_CloseUnapproved");
        assertThat(fx.takeout(instance).state()).isEqualTo("EXPIRED");
    }
}
