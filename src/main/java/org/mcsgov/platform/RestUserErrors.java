package org.mcsgov.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.mcsgov.security.McsPasswordPolicy;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API answers a {@link UserError} raised while starting a process ({@code POST
 * /process-definition/key/X/start}) with 500, because that resource wraps every engine exception in a 500
 * RestException (submit-form already answers 400). Bad input is the caller's mistake: 400 with the same message.
 */
@Component
public class RestUserErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(Mapper.class);
        config.register(WeakPasswords.class);
    }

    /**
     * The engine refuses a password against its policy (user create, PUT credentials) with a bare
     * ProcessEngineException, which Camunda's handler answers with 500: it is the caller's input, so 400 with the
     * policy in words (the engine's own text kept for clients that look for it).
     */
    @Priority(1)
    public static class WeakPasswords implements ExceptionMapper<ProcessEngineException> {

        static final String POLICY = "Password does not match policy";

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return ExceptionHandlerHelper.getInstance().getResponse(weakPassword(exception).<Throwable>map(e -> e)
                    .orElse(exception));
        }

        static Optional<RestException> weakPassword(Throwable exception) {
            return exception instanceof ProcessEngineException refused && POLICY.equals(refused.getMessage())
                    ? Optional.of(new RestException(Response.Status.BAD_REQUEST, refused, McsPasswordPolicy.JAPANESE
                            + " / " + POLICY + ": " + McsPasswordPolicy.ENGLISH)) : Optional.empty();
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
                    : failed ? WeakPasswords.weakPassword(exception.getCause()).orElse(exception) : exception;
            return ExceptionHandlerHelper.getInstance().getResponse(answered);
        }
    }
}
