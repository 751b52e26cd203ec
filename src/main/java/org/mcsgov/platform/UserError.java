package org.mcsgov.platform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request refused by a rule of the policy or by bad input. It rolls back the step that raised it, so the
 * register is never half written. It is a form validation error to the engine, so its REST API (and Tasklist,
 * which uses it) answers 400 with this message instead of a 500; our own /api answers 400 too.
 * The message carries Japanese for the person at the screen and English for logs and REST clients.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class UserError extends FormFieldValidationException {

    /** The longest reason a person types (the register's reason columns hold 1000, with a prefix added). */
    public static final int MAX_REASON = 500;

    public UserError(String japanese, String english) {
        super(null, japanese + " / " + english);
    }

    /** A text longer than its column: refused with a message, never left to the database (a 500 quoting SQL). */
    public static UserError tooLong(String japanese, String english) {
        return new UserError(japanese + "は" + MAX_REASON + "文字以内にしてください",
                english + " must be at most " + MAX_REASON + " characters");
    }
}
