package org.mcsgov.device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;

/**
 * A visiting-nurse station with two MCS administrators, a manager and a nurse, devices written straight into the
 * register (as demo data does), and helpers for the device, take-out and incident processes.
 */
public final class DeviceFixture {

    public final Fixture station;
    public final String admin;
    public final String admin2;
    public final String manager;
    public final Staff nurse;
    private final EngineTestSupport test;
    private final DeviceService devices;

    private DeviceFixture(EngineTestSupport test, DeviceService devices) {
        this.test = test;
        this.devices = devices;
        station = Fixture.facility(test.directory(), FacilityKind.VISITING_NURSE);
        admin = station.person("admin", Role.MCS_ADMIN).userId();
        admin2 = station.person("admin2", Role.MCS_ADMIN).userId();
        manager = station.person("mgr", Role.MANAGER).userId();
        nurse = station.person("nurse");
    }

    public static DeviceFixture stationWithStaff(EngineTestSupport test, DeviceService devices) {
        return new DeviceFixture(test, devices);
    }

    /** Every checklist item answered the same way, as form variables. */
    public static Map<String, Object> checklist(String answer) {
        Map<String, Object> form = new HashMap<>(Map.of("checklistAction", "record"));
        for (CheckItem item : CheckItem.values()) {
            form.put(item.formKey(), answer);
        }
        return form;
    }

    /** A registered device that passed its checklist (written directly, as at start-up). */
    public Device usableDevice(String asset) {
        Device device = devices.register(station.facilityId, "TABLET", asset, "タブレット " + asset, "FACILITY", null,
                "test", "fixture");
        devices.recordCheck(device.id(), CheckItem.answeredAll("YES"), null, "test", "fixture");
        return devices.device(device.id()).orElseThrow();
    }

    public Device lentTo(Staff person, String asset) {
        Device device = usableDevice(asset);
        devices.lend(device.id(), person.id(), "test", "fixture");
        return devices.device(device.id()).orElseThrow();
    }

    public String state(long deviceId) {
        return devices.device(deviceId).orElseThrow().state();
    }

    /**
     * Every due job (timers included once the clock has moved past them) of this facility's instances and their
     * sub-processes, one at a time: a job may end others (a timer of a completed task).
     */
    public void runAllDueJobs() {
        var management = test.engine().getManagementService();
        for (int i = 0; i < 200; i++) {
            Set<String> roots = test.engine().getRuntimeService().createProcessInstanceQuery()
                    .variableValueEquals("facilityId", station.facilityId).list().stream()
                    .map(ProcessInstance::getRootProcessInstanceId).collect(Collectors.toSet());
            var due = management.createJobQuery().executable().list().stream()
                    .filter(j -> roots.contains(j.getRootProcessInstanceId())).findFirst();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get().getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    /** A variable of an instance that may have ended (read from history). */
    public Object variable(ProcessInstance instance, String name) {
        var historic = test.engine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult();
        return historic == null ? null : historic.getValue();
    }

    /** The incident-report instances started for a device (by a return or a take-out). */
    public List<ProcessInstance> incidentsFor(long deviceId) {
        return test.engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey("incident-report")
                .variableValueEquals("deviceId", deviceId).list();
    }
}
