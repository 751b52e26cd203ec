package org.mcsgov.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request refused by a rule of the policy or by bad input. It rolls back the step that raised it, so the
 * register is never half written, and the engine's REST API answers 400 with this message, which Tasklist shows.
 * The message carries Japanese for the person at the screen and English for logs and REST clients.
 */
public class UserError extends BadUserRequestException {

    public UserError(String japanese, String english) {
        super(japanese + " / " + english);
    }
}
