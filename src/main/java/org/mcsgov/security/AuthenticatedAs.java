package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.audit.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Just behind the REST authentication: notes whom the request was authenticated as, for {@link AuditFilter}, so the
 * audit records the person the engine served, not a name read from a header that may not have logged in.
 */
class AuthenticatedAs extends OncePerRequestFilter {

    private final IdentityService identityService;

    AuthenticatedAs(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication != null) {
            request.setAttribute(AuditLog.USER, authentication.getUserId());
        }
        chain.doFilter(request, response);
    }
}
