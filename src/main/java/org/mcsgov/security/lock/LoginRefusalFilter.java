package org.mcsgov.security.lock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.security.BasicCredentials;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A refused login of the webapps (their login page shows the answer's message) or of HTTP Basic on /engine-rest
 * and /api says why when a lock refused it ({@link LoginLocks}): Japanese for the webapps' login page, English for
 * programs and their operators (with the Japanese beside it). A bare 401 stays a bare 401 for a wrong password.
 * Outside every filter that checks a password, so the account is read before the engine changes it.
 */
public class LoginRefusalFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final LoginLocks locks;

    public LoginRefusalFilter(LoginLocks locks) {
        this.locks = locks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        boolean webapp = "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(uri).matches();
        Optional<BasicCredentials> login = webapp ? Optional.ofNullable(request.getParameter("username"))
                .map(user -> new BasicCredentials(user, request.getParameter("password")))
                : BasicCredentials.of(request);
        if (login.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        LoginLocks.Before before = locks.before(login.get().userId());
        // the webapps' login refuses with sendError(401), which Spring's error page would answer "Unauthorized":
        // held here, then either explained or sent as it was
        HeldRefusal held = new HeldRefusal(response);
        chain.doFilter(request, held);
        if (held.status == null) {
            return;
        }
        var refusal = response.isCommitted() ? Optional.<LoginLocks.Refusal>empty()
                : locks.refused(before, login.get().password());
        if (refusal.isEmpty()) {
            if (!held.errorHeld) {
                return;
            }
            if (held.message == null) {
                response.sendError(held.status);
            } else {
                response.sendError(held.status, held.message);
            }
            return;
        }
        request.setAttribute(AuditLog.DETAIL, "refused: " + refusal.get().type());
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(refusal.get().json(webapp).getBytes(StandardCharsets.UTF_8));
    }

    /** A 401 the chain sent, kept back (status and message) until this filter has looked at it. */
    private static final class HeldRefusal extends HttpServletResponseWrapper {
        private Integer status;
        private String message;
        private boolean errorHeld;

        HeldRefusal(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (sc != HttpServletResponse.SC_UNAUTHORIZED) {
                super.sendError(sc, msg);
                return;
            }
            status = sc;
            message = msg;
            errorHeld = true;
        }

        @Override
        public void setStatus(int sc) {
            // a plain 401 (engine-rest's own filter) is held too; its headers (WWW-Authenticate) stay set
            if (sc == HttpServletResponse.SC_UNAUTHORIZED) {
                status = sc;
            }
            super.setStatus(sc);
        }

        @Override
        public int getStatus() {
            return status != null ? status : super.getStatus();
        }
    }
}
