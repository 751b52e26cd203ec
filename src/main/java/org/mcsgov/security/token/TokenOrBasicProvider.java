package org.mcsgov.security.token;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's REST authentication (ProcessEngineAuthenticationFilter) with a personal access token before HTTP Basic:
 * the token was checked by {@link ProgramCredentials} in front (Camunda instantiates this class itself, without
 * Spring's beans), which leaves the owner in a request attribute; otherwise the usual Basic login.
 */
public class TokenOrBasicProvider extends HttpBasicAuthenticationProvider {

    static final String TOKEN_USER = "mcs.token.user";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Object owner = request.getAttribute(TOKEN_USER);
        return owner != null ? AuthenticationResult.successful(owner.toString())
                : super.extractAuthenticatedUser(request, engine);
    }
}
