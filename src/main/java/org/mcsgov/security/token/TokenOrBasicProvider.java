package org.mcsgov.security.token;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.mcsgov.security.BasicCredentials;

/**
 * Camunda's REST authentication (ProcessEngineAuthenticationFilter) with a personal access token before HTTP Basic:
 * the token was checked by {@link ProgramCredentials} in front (Camunda instantiates this class itself, without
 * Spring's beans), which leaves the owner in a request attribute; otherwise a Basic login whose header is read by
 * {@link BasicCredentials}, the one parser of every door (Camunda's own read it differently: a lower-case "basic"
 * or a malformed header was one thing to the throttle and the audit and another to the login).
 */
public class TokenOrBasicProvider extends HttpBasicAuthenticationProvider {

    static final String TOKEN_USER = "mcs.token.user";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Object owner = request.getAttribute(TOKEN_USER);
        if (owner != null) {
            return AuthenticationResult.successful(owner.toString());
        }
        return BasicCredentials.of(request)
                .map(basic -> engine.getIdentityService().checkPassword(basic.userId(), basic.password())
                        ? AuthenticationResult.successful(basic.userId())
                        : AuthenticationResult.unsuccessful(basic.userId()))
                .orElseGet(AuthenticationResult::unsuccessful);
    }
}
