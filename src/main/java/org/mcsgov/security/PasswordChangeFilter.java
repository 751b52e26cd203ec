package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.directory.PasswordService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A11-3 at every door: the webapps' login and HTTP Basic on /engine-rest and /api refuse, with 403 and a message
 * pointing to /account/password.html, a person whose initial password is unchanged or whose password is older than
 * the maximum age; a password changed in the webapps' own profile page counts as changed. The password is checked
 * first (counted by the engine like any login): only its owner learns that it must be changed, a guesser gets 401.
 */
public class PasswordChangeFilter extends OncePerRequestFilter {

    private static final Pattern CREDENTIALS = Pattern.compile(".*/user/([^/]+)/credentials$");
    private final PasswordService passwords;
    private final IdentityService identityService;

    public PasswordChangeFilter(PasswordService passwords, IdentityService identityService) {
        this.passwords = passwords;
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher credentials = CREDENTIALS.matcher(request.getRequestURI());
        if ("PUT".equals(request.getMethod()) && credentials.matches()) {
            chain.doFilter(request, response);
            if (response.getStatus() < 300) {
                passwords.recordChanged(credentials.group(1));
            }
            return;
        }
        Optional<BasicCredentials> login = login(request);
        var reason = login.flatMap(l -> passwords.changeRequired(l.userId()));
        if (reason.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        identityService.clearAuthentication();
        if (!identityService.checkPassword(login.get().userId(), login.get().password())) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"PasswordChangeRequired\",\"message\":\"" + reason.get()
                + "。/account/password.html で変更してください / change it at /account/password.html\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Whom a request logs in as, with the password: the webapps' login form, or HTTP Basic. */
    private static Optional<BasicCredentials> login(HttpServletRequest request) {
        if (request.getRequestURI().contains("/auth/user/") && "POST".equals(request.getMethod())) {
            String user = request.getParameter("username");
            String password = request.getParameter("password");
            return user == null || password == null ? Optional.empty()
                    : Optional.of(new BasicCredentials(user, password));
        }
        return BasicCredentials.of(request);
    }
}
