package org.mcsgov.deviceloan;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.device.Device.State;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.Role;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "device-return" (A8-2, A9-1): the MCS administrator confirms that a device on loan came back and in what
 * state, for one device: of a leaver (called by staff-offboarding) or any loan ended by the administrator (device-loan). A device not back by
 * the due date, or reported lost, becomes an incident report (N3-10).
 */
@Component
public class DeviceReturnSteps {

    private static final Logger log = LoggerFactory.getLogger(DeviceReturnSteps.class);

    private final DeviceService devices;
    private final String returnWithin;

    /** returnWithin: the due date when the caller gives none (device-loan; mcs.device.return-within). */
    public DeviceReturnSteps(DeviceService devices, DeviceProperties settings) {
        this.devices = devices;
        this.returnWithin = settings.returnWithin();
    }

    /** The device given by the caller (staff-offboarding, device-loan): its facility's administrators confirm. */
    public JavaDelegate prepare() {
        return execution -> {
            Device device = devices.device(Vars.id(execution, "deviceId", "端末")).orElseThrow();
            execution.setVariable("facilityId", device.facilityId());
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(device.facilityId()));
            execution.setVariable("deviceOptions", Vars.options(List.of(new Vars.Option(
                    device.label() + "・貸与先 " + device.holderName(), String.valueOf(device.id())))));
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
                    .filter(d -> d.facilityId().equals(Facts.facility(execution)) && d.holderStaffId() != null)
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
            String by = Facts.actor(execution);
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
            String by = Facts.actor(execution);
            String condition = "返却されず紛失: " + execution.getVariable("deviceCondition");
            devices.endLoan(deviceId, condition, by, execution.getProcessInstanceId());
            devices.changeState(deviceId, State.LOST, condition, by, execution.getProcessInstanceId());
            log.info("[{}] device {} not returned: lost", execution.getBusinessKey(), deviceId);
        };
    }
}
