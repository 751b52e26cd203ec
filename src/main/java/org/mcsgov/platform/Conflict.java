package org.mcsgov.platform;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Two people acted on the same thing at once and the other one won: nothing of this request was saved. A
 * RestException with status 409, because the engine's REST API (and Tasklist, which uses it) passes a
 * RestException's status and message through; our own /api answers 409 as well. Japanese and English, as UserError.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class Conflict extends RestException {

    public Conflict(String japanese, String english, Exception cause) {
        super(Response.Status.CONFLICT, cause, japanese + " / " + english);
    }
}
