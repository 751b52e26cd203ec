package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.AccountLock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A suspended, locked or departed person's open session ends at their next request (N2-2, A8-5): the webapps' and
 * the register pages' session (the same HTTP session) is checked on every request that uses it and invalidated
 * when {@link AccountLock#mayContinue} says no; the webapps' API then answers 401 and the register pages ask for a
 * login. Without this a session opened before the lock kept reading what its Camunda groups had shown.
 */
public class SessionRevocation extends OncePerRequestFilter {

    private static final String ENGINE = "default";
    private final AccountLock accounts;

    public SessionRevocation(AccountLock accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        var authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(ENGINE);
        if (authentication == null || accounts.mayContinue(authentication.getIdentityId())) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(AuditLog.DETAIL, "session ended: account locked, suspended or gone");
        session.invalidate();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/register")) {
            chain.doFilter(request, response);   // the register pages ask for a login, as for any session gone
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"SessionEnded\",\"message\":\"このアカウントは利用できません。"
                + "MCS管理者に連絡してください / this account is locked or no longer active\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
