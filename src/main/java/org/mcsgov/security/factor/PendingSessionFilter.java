package org.mcsgov.security.factor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session whose password passed but whose second factor did not yet holds no Camunda authentication, so nothing
 * answers it anyway; this filter makes that plain: the webapps' API answers 401 with the code page's address in
 * X-MCS-Second-Factor (the webapps' script goes there: a reload of Tasklist leads back to the code), the register's
 * pages redirect to it. The webapps' login and logout stay reachable, so another person can still log in.
 */
public class PendingSessionFilter extends OncePerRequestFilter {

    private final LoginGate gate;

    public PendingSessionFilter(LoginGate gate) {
        this.gate = gate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        var pending = gate.pending(request);
        boolean loginOrLogout = uri.matches("/camunda/api/admin/auth/user/[^/]+/(login/[^/]+|logout)")
                || uri.equals("/register/login");
        if (pending.isEmpty() || loginOrLogout) {
            chain.doFilter(request, response);
            return;
        }
        String page = pending.get().mustEnrol() ? FactorController.ENROL : FactorController.CODE;
        if (uri.startsWith("/register")) {
            response.sendRedirect(request.getContextPath() + page);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(WebappLoginGate.HEADER, page);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"SecondFactorRequired\",\"message\":\"確認コードを入力してください: "
                + page + " / enter the second factor's code: " + page + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
