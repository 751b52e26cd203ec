package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Camunda user is the register's (A8-3, A8-5): only camunda-admin deletes one or changes a profile (name, e-mail,
 * id) through /engine-rest or the webapps' engine API; everyone else gets 403 with a message. The engine's own
 * authorizations refuse the delete too (McsAuthorizationProvider); the profile needs this check, since UPDATE on
 * one's own user is what lets a person change their password.
 */
public class OwnUserGuard extends OncePerRequestFilter {

    private static final Pattern USER = Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)(/profile)?/?");
    private static final String ADMINS = "camunda-admin";
    private final IdentityService identityService;

    public OwnUserGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher user = USER.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        boolean guarded = user.matches() && ("DELETE".equals(request.getMethod()) && user.group(2) == null
                || "PUT".equals(request.getMethod()) && user.group(2) != null);
        if (!guarded || groups(request).contains(ADMINS)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"AuthorizationException\",\"message\":\"アカウントの削除やプロフィールの"
                + "変更は台帳で行います。MCS管理者に依頼してください / only camunda-admin deletes a user or changes a profile:"
                + " ask your MCS administrator\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The caller's groups: the REST login of this request, or the webapps' session. */
    private List<String> groups(HttpServletRequest request) {
        var rest = identityService.getCurrentAuthentication();
        if (rest != null && rest.getGroupIds() != null) {
            return rest.getGroupIds();
        }
        var session = request.getSession(false);
        var authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        var webapp = authentications == null ? null : authentications.getAuthenticationForProcessEngine("default");
        return webapp instanceof UserAuthentication person && person.getGroupIds() != null
                ? List.copyOf(person.getGroupIds()) : List.of();
    }
}
