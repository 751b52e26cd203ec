package org.mcsgov.staff;

import java.util.List;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.springframework.stereotype.Component;

/**
 * Devices on loan to a person (A9-1 proper device handling), read from the device register: staff-offboarding calls
 * device-return once for each of them.
 */
@Component
public class DeviceLoans {

    private final DeviceService devices;

    public DeviceLoans(DeviceService devices) {
        this.devices = devices;
    }

    /** Ids of the devices the person has on loan now. */
    public List<Long> onLoan(long staffId) {
        return devices.onLoanTo(staffId).stream().map(Device::id).toList();
    }
}
