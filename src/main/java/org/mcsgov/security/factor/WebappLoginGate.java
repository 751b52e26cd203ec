package org.mcsgov.security.factor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.mcsgov.account.LastLogin;
import org.mcsgov.audit.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Around the webapps' own login (POST /camunda/api/admin/auth/user/default/login/{app}): when Camunda accepted the
 * password of a person who needs the second factor, the authentication it put into the session is taken out again
 * and the session is held as pending ({@link LoginGate}); the answer is 403 with the code page's address in the
 * header X-MCS-Second-Factor, which the webapps' small script (app/second-factor.js) follows.
 */
public class WebappLoginGate extends OncePerRequestFilter {

    public static final String HEADER = "X-MCS-Second-Factor";
    private static final String ENGINE = "default";
    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/([a-z]+)");

    private final LoginGate gate;
    private final LastLogin lastLogin;

    public WebappLoginGate(LoginGate gate, LastLogin lastLogin) {
        this.gate = gate;
        this.lastLogin = lastLogin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher login = LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"POST".equals(request.getMethod()) || !login.matches()) {
            chain.doFilter(request, response);
            return;
        }
        var answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        String userId = request.getParameter("username");
        if (answer.getStatus() != HttpServletResponse.SC_OK || userId == null || !gate.needsFactor(userId)) {
            if (answer.getStatus() == HttpServletResponse.SC_OK && userId != null) {
                lastLogin.record(userId);
            }
            answer.copyBodyToResponse();
            return;
        }
        AuthenticationUtil.getAuthsFromSession(request.getSession()).removeByEngineName(ENGINE);
        String page = gate.passwordAccepted(request, userId, "/camunda/app/" + login.group(1) + "/default/")
                .orElseThrow();
        request.setAttribute(AuditLog.DETAIL, "password accepted, second factor pending");
        answer.resetBuffer();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader(HEADER, page);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"SecondFactorRequired\",\"location\":\"" + page
                + "\",\"message\":\"確認コードの入力が必要です: " + page + " / a second factor is required: " + page
                + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
