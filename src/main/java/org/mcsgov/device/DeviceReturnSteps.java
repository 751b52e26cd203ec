package org.mcsgov.device;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.device.Device.State;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Steps of "device-return" (A8-2, A9-1): the MCS administrator confirms that a device on loan came back and in what
 * state, for one device of a leaver (called by staff-offboarding) or any loan of the facility. A device not back by
 * the due date, or reported lost, becomes an incident report (N3-10).
 */
@Component
public class DeviceReturnSteps {

    private static final Logger log = LoggerFactory.getLogger(DeviceReturnSteps.class);

    private final DirectoryService directory;
    private final DeviceService devices;
    private final String returnWithin;

    /** returnWithin: the due date of a return started from Tasklist (mcs.device.return-within). */
    public DeviceReturnSteps(DirectoryService directory, DeviceService devices,
                       @Value("${mcs.device.return-within:P7D}") String returnWithin) {
        this.directory = directory;
        this.devices = devices;
        this.returnWithin = returnWithin;
    }

    /** Called with a device (offboarding), or started by the facility's administrator choosing among its loans. */
    public JavaDelegate prepare() {
        return execution -> {
            Object given = execution.getVariable("deviceId");
            List<Device> choices;
            String facilityId;
            if (given == null) {
                Staff admin = directory.requireActiveWithRole((String) execution.getVariable("initiator"), Role.MCS_ADMIN);
                facilityId = admin.facilityId();
                choices = devices.devicesOf(facilityId).stream().filter(d -> d.holderStaffId() != null).toList();
            } else {
                Device device = devices.device(Vars.id(execution, "deviceId", "端末")).orElseThrow();
                facilityId = device.facilityId();
                choices = List.of(device);
            }
            execution.setVariable("facilityId", facilityId);
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(facilityId));
            execution.setVariable("deviceOptions", Vars.options(choices.stream().map(d -> new Vars.Option(
                    d.label() + "・貸与先 " + d.holderName(), String.valueOf(d.id()))).toList()));
            if (execution.getVariable("returnDueDate") == null) {
                execution.setVariable("returnDueDate", Date.from(EngineClock.now().plus(Duration.parse(returnWithin))));
            }
        };
    }

    /** A9-1: which device, returned or lost, and its condition (what was checked). */
    public JavaDelegate check() {
        return execution -> {
            long deviceId = Vars.id(execution, "deviceId", "端末");
            Device device = devices.device(deviceId)
                    .filter(d -> d.facilityId().equals(execution.getVariable("facilityId")) && d.holderStaffId() != null)
                    .orElseThrow(() -> new UserError("この事業所の貸与中の端末ではありません: " + deviceId,
                            "not a device of your facility on loan: " + deviceId));
            Vars.choice(execution, "deviceOutcome", "返却", "returned", "lost");
            execution.setVariable("deviceCondition", Vars.text(execution, "deviceCondition", "端末の状態", 500));
            execution.setVariable("deviceLabel", device.label() + "・貸与先 " + device.holderName());
            execution.setVariable("deviceId", deviceId);
        };
    }

    public JavaDelegate recordReturn() {
        return execution -> {
            long deviceId = Vars.id(execution, "deviceId", "端末");
            String by = Vars.actor(execution, "initiator");
            devices.endLoan(deviceId, (String) execution.getVariable("deviceCondition"), by,
                    execution.getProcessInstanceId());
            devices.changeState(deviceId, State.IN_USE, "返却: " + execution.getVariable("deviceCondition"), by,
                    execution.getProcessInstanceId());
            log.info("[{}] device {} returned", execution.getBusinessKey(), deviceId);
        };
    }

    /** Not returned: the loan ends as lost and the device is LOST; the next step reports the incident. */
    public JavaDelegate recordLost() {
        return execution -> {
            long deviceId = Vars.id(execution, "deviceId", "端末");
            String by = Vars.actor(execution, "initiator");
            String condition = "返却されず紛失: " + execution.getVariable("deviceCondition");
            devices.endLoan(deviceId, condition, by, execution.getProcessInstanceId());
            devices.changeState(deviceId, State.LOST, condition, by, execution.getProcessInstanceId());
            log.info("[{}] device {} not returned: lost", execution.getBusinessKey(), deviceId);
        };
    }
}
