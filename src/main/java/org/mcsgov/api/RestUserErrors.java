package org.mcsgov.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.mcsgov.directory.McsPasswordPolicy;
import org.mcsgov.platform.UserError;
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
        config.register(IdentityInput.class);
    }

    /**
     * The engine refuses a password against its policy (user create, PUT credentials) and an id outside the
     * whitelist with a bare ProcessEngineException, which Camunda's handler answers with 500: it is the caller's
     * input, so 400 with the rule in words (the engine's own text kept for clients that look for it).
     */
    @Priority(1)
    public static class IdentityInput implements ExceptionMapper<ProcessEngineException> {

        static final String POLICY = "Password does not match policy";
        static final String INVALID_ID = "has an invalid id";

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return ExceptionHandlerHelper.getInstance().getResponse(identityInput(exception).<Throwable>map(e -> e)
                    .orElse(exception));
        }

        static Optional<RestException> identityInput(Throwable exception) {
            if (!(exception instanceof ProcessEngineException refused) || refused.getMessage() == null) {
                return Optional.empty();
            }
            if (POLICY.equals(refused.getMessage())) {
                return Optional.of(new RestException(Response.Status.BAD_REQUEST, refused, McsPasswordPolicy.JAPANESE
                        + " / " + POLICY + ": " + McsPasswordPolicy.ENGLISH));
            }
            return refused.getMessage().contains(INVALID_ID) ? Optional.of(new RestException(Response.Status.BAD_REQUEST,
                    refused, "IDは英数字で始まる英数字・「.」「_」「-」の64文字以内にしてください / " + refused.getMessage()))
                    : Optional.empty();
        }
    }

    /** Chosen before Camunda's RestExceptionHandler for the same type. */
    @Priority(1)
    public static class Mapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            boolean failed = exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
            RestException answered = exception.getCause() instanceof UserError bad && failed
                    ? new RestException(Response.Status.BAD_REQUEST, bad, exception.getMessage())
                    : failed ? IdentityInput.identityInput(exception.getCause()).orElse(exception) : exception;
            if (exception.getCause() instanceof AuthorizationException refused) {
                // e.g. the comment resource wraps every engine error in 400 "Not enough parameters submitted"
                answered = new RestException(Response.Status.FORBIDDEN, refused, refused.getMessage());
            }
            return ExceptionHandlerHelper.getInstance().getResponse(answered);
        }
    }
}
