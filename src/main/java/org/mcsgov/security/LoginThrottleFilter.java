package org.mcsgov.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.platform.EngineClock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request that checks a password (HTTP Basic anywhere, the webapps' and the register's login, the password
 * change) first asks {@link LoginThrottle} about its source address: a throttled address gets 429 without its
 * password being checked, so it neither learns anything nor counts toward anyone's lockout. A refused check (401,
 * or our own checks' {@link LoginThrottle#FAILED} mark) counts against the address.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern FORM_LOGIN = Pattern.compile(
            "/camunda/api/admin/auth/user/[^/]+/login/[^/]+|/register/login|/account/password|/account/2fa(/enrol)?");

    private static final String REGISTER_LOGIN = "/register/login";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("H時mm分ss秒");

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        boolean checksPassword = BasicCredentials.present(request)
                || "POST".equals(request.getMethod()) && FORM_LOGIN.matcher(uri).matches();
        if (!checksPassword) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        var wait = throttle.wait(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            String until = UNTIL.format(EngineClock.now().plusSeconds(seconds).atZone(EngineClock.ZONE));
            String japanese = "この端末（アドレス）からのログインの失敗が続いたため、一時的にログインを受け付けていません。" + until
                    + "（日本時間、" + seconds + "秒後）以降に、もう一度お試しください。それまでは正しいパスワードでもログインできません";
            request.setAttribute(AuditLog.DETAIL, "throttled: too many failed logins from " + address);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            if (REGISTER_LOGIN.equals(uri)) {
                // the register's login is a form a person posts: a page, not JSON
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream().write(("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\">"
                        + "<title>ログイン</title></head><body><main class=\"login\"><h1>ログインできません</h1>"
                        + "<p class=\"error\" id=\"throttled\">" + japanese + "</p><p><a href=\""
                        + request.getContextPath() + REGISTER_LOGIN + "\">ログインに戻る</a></p></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"type\":\"TooManyAttempts\",\"message\":\"" + japanese
                    + " / too many failed logins from this address, try again in " + seconds + " s\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                    || request.getAttribute(LoginThrottle.FAILED) != null) {
                throttle.failed(address);
            }
        }
    }
}
