package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.mcsgov.audit.AuditLog.Event;
import org.mcsgov.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Outermost filter of the REST interfaces and the webapps' login: it sees every outcome, including the refusals of
 * the authentication and password-change filters behind it. Recorded: the webapps' logins (success and failure) and
 * logouts; every request to /api and /engine-rest, where HTTP Basic makes each request its own login (refused with
 * 401, or 403 for a password to change: a failed login; otherwise a read or a change by that user); and what a
 * webapp user changes or reads of a case (variables, forms) through the webapps' engine API — not their searches,
 * which Tasklist repeats on every refresh (AuditNames) —; the register pages'
 * logins, logouts and what a logged-in person reads there (/register, session or HTTP Basic). The process instance
 * comes from the path or the JSON answer ("processInstanceId"), so the controllers need not know about the audit.
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final String ENGINE = "default";
    private static final String REGISTER_LOGIN = "/register/login";
    private static final String REGISTER_LOGOUT = "/register/logout";
    private static final String PASSWORD_CHANGE = "/account/password";
    private static final String SECOND_FACTOR = "/account/2fa";
    private static final int TOO_MANY = 429;
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/([^/]+)");
    private static final Pattern WEBAPP_LOGOUT = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout");
    /** What a Tasklist or Cockpit user reads of a case: its variables and forms (lists and counts are not logged). */
    private static final Pattern WEBAPP_DATA_READ = Pattern.compile(
            "/(task|process-instance|execution)/[^/]+/(form-variables|variables|deployed-form|rendered-form|form)"
                    + "|/history/variable-instance");
    private static final Pattern INSTANCE_IN_PATH = Pattern.compile("/process-instance/([0-9a-fA-F-]{8,64})");
    private static final Pattern TASK_IN_PATH = Pattern.compile("/task/([0-9a-fA-F-]{8,64})(/|$)");
    private static final Pattern STARTED = Pattern.compile("/process-definition/.+/(start|submit-form)$");
    private static final Pattern STARTED_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern INSTANCE_IN_JSON = Pattern.compile("\"processInstanceId\"\\s*:\\s*\"([^\"]+)\"");
    private static final int JSON_SCAN_LIMIT = 64 * 1024;

    private final AuditLog audit;
    private final HistoryService history;

    AuditFilter(AuditLog audit, HistoryService history) {
        this.audit = audit;
        this.history = history;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        Matcher webappLogin = WEBAPP_LOGIN.matcher(uri);
        boolean post = "POST".equals(request.getMethod());
        boolean registerLogin = post && uri.equals(REGISTER_LOGIN);
        boolean isLogin = post && webappLogin.matches() || registerLogin;
        boolean isLogout = post && (WEBAPP_LOGOUT.matcher(uri).matches() || uri.equals(REGISTER_LOGOUT));
        boolean passwordChange = post && uri.equals(PASSWORD_CHANGE);
        boolean secondFactor = post && uri.startsWith(SECOND_FACTOR);
        boolean rest = uri.startsWith("/api/") || uri.startsWith("/engine-rest/");
        boolean webappData = uri.startsWith("/camunda/api/engine/")
                && (!"GET".equals(request.getMethod()) && !AuditNames.isQuery(request.getMethod(), uri)
                        || WEBAPP_DATA_READ.matcher(uri).find());
        // the register pages (/register): what a logged-in person reads there, like a webapp or /api read
        boolean register = (uri.equals("/register") || uri.startsWith("/register/")) && !uri.equals(REGISTER_LOGIN);
        String sessionUser = sessionUser(request);
        if (!isLogin && !isLogout && !rest && !webappData && !passwordChange && !secondFactor
                && !(register && (sessionUser != null || BasicCredentials.present(request)))) {
            chain.doFilter(request, response);   // the webapps' pages, session checks, lists and counts
            return;
        }
        var recorded = new ContentCachingResponseWrapper(response);
        boolean failed = true;
        try {
            chain.doFilter(request, recorded);
            failed = false;
        } finally {
            // an exception leaving the chain becomes the container's 500 only after this filter: record that
            int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : recorded.getStatus();
            String path = AuditNames.path(uri, request.getQueryString());
            String user = isLogin ? request.getParameter("username") : authenticated(request, sessionUser, rest || register);
            Event event;
            String detail = (String) request.getAttribute(AuditLog.DETAIL);
            boolean refusedLogin = status == HttpServletResponse.SC_UNAUTHORIZED || status == TOO_MANY
                    || request.getAttribute(LoginThrottle.FAILED) != null;
            if (registerLogin) {
                // the register's login page answers a success with a redirect, a refusal with the form again
                event = status == HttpServletResponse.SC_FOUND ? Event.LOGIN : Event.LOGIN_FAILED;
                detail = detail == null ? "register" : "register: " + detail;
            } else if (isLogin) {
                event = status < 300 ? Event.LOGIN : Event.LOGIN_FAILED;
                detail = detail != null ? "webapp " + webappLogin.group(1) + ": " + detail
                        : "webapp " + webappLogin.group(1) + (status != HttpServletResponse.SC_FORBIDDEN ? ""
                        : body(recorded).contains("PasswordChangeRequired") ? ": password change required"
                        : ": no access to the application");
            } else if (isLogout) {
                event = Event.LOGOUT;
            } else if (passwordChange) {
                event = status < 300 ? Event.CHANGE : refusedLogin ? Event.LOGIN_FAILED : Event.CHANGE;
                detail = status < 300 ? "password changed" : refusedLogin && detail == null
                        ? "password change: wrong user id or current password" : "password change refused: " + detail;
            } else if ((rest || register) && (refusedLogin || status == HttpServletResponse.SC_FORBIDDEN
                    && body(recorded).contains("PasswordChangeRequired"))) {
                event = Event.LOGIN_FAILED;
                detail = detail != null ? detail : status == HttpServletResponse.SC_FORBIDDEN
                        ? "HTTP Basic: password change required" : "HTTP Basic: refused";
            } else {
                boolean read = "GET".equals(request.getMethod()) || AuditNames.isQuery(request.getMethod(), uri);
                event = read ? Event.READ : Event.CHANGE;
                if (!read && detail == null && status < 300) {
                    detail = AuditNames.action(uri, history);
                }
            }
            if (request.getAttribute(AuditLog.EVENT) != null) {
                event = (Event) request.getAttribute(AuditLog.EVENT);   // the second factor's pages say what it was
            }
            try {
                audit.record(event, user, request.getMethod(), path, status, processInstance(path, recorded),
                        request.getRemoteAddr(), detail);
            } catch (RuntimeException e) {
                log.error("audit log not written for {} {} by {}", request.getMethod(), path, user, e);
            }
            if (!failed) {
                recorded.copyBodyToResponse();
            }
        }
    }

    /**
     * Whom the request was served as: the authentication noted where it happened (REST filter, register pages,
     * password change); without one, the name a refused login claimed, or the webapps' session.
     */
    private static String authenticated(HttpServletRequest request, String sessionUser, boolean basicAllowed) {
        Object noted = request.getAttribute(AuditLog.USER);
        if (noted != null) {
            return noted.toString();
        }
        Optional<String> claimed = basicAllowed ? BasicCredentials.of(request).map(BasicCredentials::userId)
                : Optional.empty();
        return claimed.orElse(sessionUser);
    }

    /** The user logged in to the webapps, from their session (read before a logout ends it). */
    private static String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        var authentications = AuthenticationUtil.getAuthsFromSession(session);
        var authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(ENGINE);
        return authentication == null ? null : authentication.getIdentityId();
    }

    /** The process instance of the path (an instance, or a task's: from history, as the task may be done), or of the answer. */
    private String processInstance(String path, ContentCachingResponseWrapper response) {
        Matcher inPath = INSTANCE_IN_PATH.matcher(path);
        if (inPath.find()) {
            return inPath.group(1);
        }
        Matcher task = TASK_IN_PATH.matcher(path);
        if (task.find()) {
            var historic = history.createHistoricTaskInstanceQuery().taskId(task.group(1)).singleResult();
            return historic == null ? null : historic.getProcessInstanceId();
        }
        String type = response.getContentType();
        if (type == null || !type.contains("json")) {
            return null;
        }
        Matcher inJson = (STARTED.matcher(path).find() ? STARTED_ID : INSTANCE_IN_JSON).matcher(body(response));
        return inJson.find() ? inJson.group(1) : null;
    }

    private static String body(ContentCachingResponseWrapper response) {
        byte[] content = response.getContentAsByteArray();
        return new String(content, 0, Math.min(content.length, JSON_SCAN_LIMIT), StandardCharsets.UTF_8);
    }
}
