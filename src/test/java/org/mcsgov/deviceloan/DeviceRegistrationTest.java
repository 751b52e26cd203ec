package org.mcsgov.deviceloan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.device.DeviceFixture.checklist;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceFixture;
import org.mcsgov.device.DeviceService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("device-registration: register, security checklist, unusable until re-checked, retired (A8-2, A12-1..A12-8, A12-10)")
class DeviceRegistrationTest extends ProcessTestSupport {

    @Autowired DeviceService devices;
    private DeviceFixture scene;

    @BeforeEach
    void stationWithStaff() {
        scene = DeviceFixture.stationWithStaff(this, devices);
    }

    private ProcessInstance register(String asset, String ownership, Long owner) {
        ProcessInstance instance = start(scene.admin, "device-registration", Map.of());
        Map<String, Object> form = new HashMap<>(Map.of("deviceKind", "TABLET", "assetNumber", asset,
                "deviceModel", "iPad 第10世代", "ownership", ownership));
        if (owner != null) {
            form.put("ownerStaffId", String.valueOf(owner));
        }
        complete(instance, scene.admin, form);
        return instance;
    }

    private long deviceId(ProcessInstance instance) {
        return (Long) runtimeService.getVariable(instance.getId(), "deviceId");
    }

    @Test
    @DisplayName("A8-2, A12-1..A12-8: registered, checklist passed: usable, with its check and state history")
    void registeredAndUsable() {
        ProcessInstance instance = register("NS-T-001", "FACILITY", null);
        long id = deviceId(instance);
        assertThat(scene.state(id)).isEqualTo("CHECK_PENDING");
        assertThat(devices.device(id).orElseThrow().usable()).isFalse();

        complete(instance, scene.admin, checklist("YES"));
        assertThat(instance).isEnded().hasPassed("Task_CheckChecklist", "EndEvent_Usable");
        Device device = devices.device(id).orElseThrow();
        assertThat(device.state()).isEqualTo("IN_USE");
        assertThat(device.usable()).isTrue();
        assertThat(devices.checks(id)).singleElement().satisfies(c -> {
            assertThat(c.passed()).isTrue();
            assertThat(c.checkedBy()).isEqualTo(scene.admin);
            assertThat(c.answers()).containsEntry("SCREEN_LOCK", "YES");
        });
        assertThat(devices.states(id)).extracting(DeviceService.StateRow::state).containsExactly("CHECK_PENDING", "IN_USE");
        assertThat(devices.states(id).get(0).validTo()).isNotNull();
    }

    @Test
    @DisplayName("A12-1..A12-5: a failed required item: unusable, not offered, until the re-check passes")
    void failingChecklistUntilRechecked() {
        ProcessInstance instance = register("NS-T-002", "FACILITY", null);
        long id = deviceId(instance);
        Map<String, Object> failing = checklist("YES");
        failing.put("checkScreenLock", "NO");
        failing.put("checkMdm", "NO"); // A12-8 is to be considered: recorded, not refused
        complete(instance, scene.admin, failing);

        assertThat(instance).isWaitingAt("UserTask_Checklist");
        assertThat(scene.state(id)).isEqualTo("UNUSABLE");
        assertThat(devices.device(id).orElseThrow().available()).isFalse();
        assertThat((String) runtimeService.getVariable(instance.getId(), "failedItems")).contains("A12-1")
                .doesNotContain("A12-8");

        Map<String, Object> fixed = checklist("YES");
        fixed.put("checkMdm", "NA");
        complete(instance, scene.admin2, fixed);
        assertThat(instance).isEnded().hasPassed("EndEvent_Usable");
        assertThat(devices.device(id).orElseThrow().available()).isTrue();
        assertThat(devices.checks(id)).extracting(DeviceService.CheckRow::passed).containsExactly(false, true);
        assertThat(devices.checks(id).get(1).checkedBy()).isEqualTo(scene.admin2);
    }

    @Test
    @DisplayName("A8-2, A12-10: a personally owned device with its owner; a device that is not fixed is retired")
    void personalDeviceRetired() {
        ProcessInstance instance = register("私物-看護-01", "PERSONAL", scene.nurse.id());
        long id = deviceId(instance);
        assertThat(devices.device(id).orElseThrow().ownerStaffId()).isEqualTo(scene.nurse.id());
        assertThat(devices.device(id).orElseThrow().ownership()).isEqualTo("PERSONAL");

        assertThatThrownBy(() -> complete(instance, scene.admin, Map.of("checklistAction", "retire")))
                .isInstanceOf(UserError.class);
        complete(instance, scene.admin, Map.of("checklistAction", "retire", "retireReason", "画面ロックを設定できない古い機種"));
        assertThat(instance).isEnded().hasPassed("Task_Retire", "EndEvent_Retired");
        assertThat(scene.state(id)).isEqualTo("RETIRED");
    }

    @Test
    @DisplayName("bad input: only an MCS administrator; unique asset number; a personal device needs its owner; every item answered")
    void badInput() {
        assertThatThrownBy(() -> start(scene.nurse.userId(), "device-registration", Map.of())).isInstanceOf(RuntimeException.class);
        scene.usableDevice("NS-T-003");
        ProcessInstance instance = start(scene.admin, "device-registration", Map.of());
        assertThatThrownBy(() -> complete(instance, scene.admin, Map.of("deviceKind", "TABLET", "assetNumber", "NS-T-003",
                "deviceModel", "iPad", "ownership", "FACILITY"))).isInstanceOf(UserError.class).hasMessageContaining("既に");
        assertThatThrownBy(() -> complete(instance, scene.admin, Map.of("deviceKind", "TABLET", "assetNumber", "NS-T-004",
                "deviceModel", "iPad", "ownership", "PERSONAL"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> complete(instance, scene.admin, Map.of("deviceKind", "FAX", "assetNumber", "NS-T-004",
                "deviceModel", "iPad", "ownership", "FACILITY"))).isInstanceOf(UserError.class);
        complete(instance, scene.admin, Map.of("deviceKind", "PC", "assetNumber", "NS-T-004", "deviceModel", "ノートPC",
                "ownership", "FACILITY"));
        Map<String, Object> incomplete = checklist("YES");
        incomplete.remove("checkAntivirus");
        assertThatThrownBy(() -> complete(instance, scene.admin, incomplete)).isInstanceOf(UserError.class)
                .hasMessageContaining("A12-3");
        assertThat(instance).isWaitingAt("UserTask_Checklist");
    }
}
