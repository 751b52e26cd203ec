package org.mcsgov.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API answers a {@link UserError} raised while starting a process ({@code POST
 * /process-definition/key/X/start}) with 500, because that resource wraps every engine exception in a 500
 * RestException (submit-form already answers 400). Bad input is the caller's mistake: 400 with the same message.
 * A refusal of the input gate that a resource wrapped the same way is answered as what it is: 403 with its message.
 */
@Component
public class RestUserErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(Mapper.class);
    }

    /** Chosen before Camunda's RestExceptionHandler for the same type. */
    @Priority(1)
    public static class Mapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            RestException answered = exception;
            if (exception.getCause() instanceof UserError bad && exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
                answered = new RestException(Response.Status.BAD_REQUEST, bad, exception.getMessage());
            } else if (exception.getCause() instanceof AuthorizationException refused) {
                // e.g. the comment resource wraps every engine error in 400 "Not enough parameters submitted"
                answered = new RestException(Response.Status.FORBIDDEN, refused, refused.getMessage());
            }
            return ExceptionHandlerHelper.getInstance().getResponse(answered);
        }
    }
}
