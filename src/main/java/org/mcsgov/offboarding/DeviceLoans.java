package org.mcsgov.offboarding;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Devices on loan to a person (A9-1 proper device handling). There is no device register yet (issue 5): until it
 * exists this answers an empty list, and staff-offboarding's return task (one per device) is created for none.
 */
@Component
public class DeviceLoans {

    /** Ids of the devices the person has on loan now. */
    public List<String> onLoan(long staffId) {
        return List.of();
    }
}
