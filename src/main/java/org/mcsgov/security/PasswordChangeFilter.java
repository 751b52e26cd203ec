package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mcsgov.directory.PasswordService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A11-3 at every door: the webapps' login and HTTP Basic on /engine-rest and /api refuse, with 403 and a message
 * pointing to /account/password.html, a person whose initial password is unchanged or whose password is older than
 * the maximum age; a password changed in the webapps' own profile page counts as changed.
 */
public class PasswordChangeFilter extends OncePerRequestFilter {

    private static final Pattern CREDENTIALS = Pattern.compile(".*/user/([^/]+)/credentials$");
    private final PasswordService passwords;

    public PasswordChangeFilter(PasswordService passwords) {
        this.passwords = passwords;
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
        String user = loginUser(request);
        var reason = user == null ? java.util.Optional.<String>empty() : passwords.changeRequired(user);
        if (reason.isPresent()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"type\":\"PasswordChangeRequired\",\"message\":\"" + reason.get()
                    + "。/account/password.html で変更してください / change it at /account/password.html\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user a request logs in as: the webapps' login form, or HTTP Basic. */
    private static String loginUser(HttpServletRequest request) {
        if (request.getRequestURI().contains("/auth/user/") && "POST".equals(request.getMethod())) {
            return request.getParameter("username");
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        }
        return null;
    }
}
