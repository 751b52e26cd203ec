package org.mcsgov.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Runs an engine call that our own code has already authorized (e.g. a coordinator cancelling their facility's
 * invitation), without the engine's per-instance authorization checks, which know nothing of facilities.
 */
public final class AsSystem {

    private AsSystem() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> call) {
        var authentication = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (authentication != null) {
                identityService.setAuthentication(authentication);
            }
        }
    }
}
