package org.mcsgov.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 * one's own user is what lets a person change their password. camunda-admin may change a profile, not its id.
 */
public class OwnUserGuard extends OncePerRequestFilter {

    private static final Pattern USER = Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)(/profile)?/?");
    private static final String ADMINS = "camunda-admin";
    private static final int MAX_PROFILE = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
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
        if (!guarded) {
            chain.doFilter(request, response);
        } else if (!groups(request).contains(ADMINS)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", "アカウントの削除やプロフィールの"
                    + "変更は台帳で行います。MCS管理者に依頼してください / only camunda-admin deletes a user or changes a profile:"
                    + " ask your MCS administrator");
        } else if (user.group(2) == null) {
            chain.doFilter(request, response);
        } else {
            // the engine takes a profile's "id" as the row to update: another id was a 500 (optimistic locking)
            byte[] body = request.getInputStream().readNBytes(MAX_PROFILE);
            JsonNode id = body.length == 0 ? null : readId(body);
            if (id != null && !id.isNull() && !id.asText().equals(user.group(1))) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                        "ユーザーIDは変更できません / a user id cannot be changed");
                return;
            }
            chain.doFilter(new Replayed(request, body), response);
        }
    }

    private static JsonNode readId(byte[] body) {
        try {
            return JSON.readTree(body).get("id");
        } catch (IOException notJson) {
            return null;   // the REST API answers a body that is not JSON itself (400)
        }
    }

    private static void refuse(HttpServletResponse response, int status, String type, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("type", type, "message", message)));
    }

    /** The request with the body already read, for the REST API behind. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
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
