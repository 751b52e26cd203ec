package org.mcsgov.security.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.account.LastLogin;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.security.BasicCredentials;
import org.mcsgov.security.LoginThrottle;
import org.mcsgov.security.factor.LoginGate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the REST authentication of /engine-rest and /api (and the register's HTTP Basic): what a program
 * presents. {@code Authorization: Bearer <token>} is checked here ({@link AccessTokens}): unknown, revoked or
 * expired, or its owner locked, is 401; a read-only token may only read (GET, HEAD), else 403; a token does not make
 * tokens. HTTP Basic with the password of a person who needs the second factor is refused with 401 and a message
 * (the password is checked first and counted, so only its owner learns why), unless the demo allows it. Every
 * refusal is a failed login in the audit log and counts against the source address.
 */
public class ProgramCredentials extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccessTokens tokens;
    private final LoginGate gate;
    private final AccountLock accounts;
    private final IdentityService identityService;
    private final LastLogin lastLogin;

    public ProgramCredentials(AccessTokens tokens, LoginGate gate, AccountLock accounts,
                              IdentityService identityService, LastLogin lastLogin) {
        this.tokens = tokens;
        this.gate = gate;
        this.accounts = accounts;
        this.identityService = identityService;
        this.lastLogin = lastLogin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean register = request.getRequestURI().startsWith(request.getContextPath() + "/register");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !register) {
            bearer(header.substring(7).strip(), request, response, chain);
            return;
        }
        var basic = BasicCredentials.of(request);
        if (basic.isPresent() && gate.basicRefused(basic.get().userId())) {
            identityService.clearAuthentication();
            boolean owner = identityService.checkPassword(basic.get().userId(), basic.get().password());
            request.setAttribute(LoginThrottle.FAILED, owner ? null : Boolean.TRUE);
            request.setAttribute(AuditLog.DETAIL, owner ? "HTTP Basic refused: second factor required, use a token"
                    : "HTTP Basic: refused");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, owner
                    ? "二要素認証を使うアカウントは、パスワードでのAPI利用はできません。個人用アクセストークン（/register/tokens）を"
                    + "使ってください / HTTP Basic is refused for accounts with a second factor: use a personal access token"
                    : "ユーザーIDまたはパスワードが正しくありません / wrong user id or password");
            return;
        }
        chain.doFilter(request, response);
        if (basic.isPresent() && response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
            lastLogin.record(basic.get().userId());
        }
    }

    private void bearer(String presented, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var check = tokens.check(presented);
        if (check.userId() != null) {
            request.setAttribute(AuditLog.USER, check.userId());
        }
        if (!check.accepted() || !accounts.mayContinue(check.userId())) {
            request.setAttribute(LoginThrottle.FAILED, Boolean.TRUE);
            request.setAttribute(AuditLog.DETAIL, "bearer token refused: "
                    + (check.accepted() ? "account locked or inactive" : check.refusal()));
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "アクセストークンが無効です（期限切れ・取り消し済み・不明、"
                    + "またはアカウントが利用できません） / the access token is invalid, expired or revoked");
            return;
        }
        boolean tokenRequest = request.getRequestURI().startsWith(request.getContextPath() + "/api/tokens");
        if (check.scope() == AccessTokens.Scope.READ && !READS.contains(request.getMethod()) || tokenRequest) {
            request.setAttribute(AuditLog.DETAIL, tokenRequest ? "bearer token: tokens are made by a person"
                    : "bearer token: read-only");
            refuse(response, HttpServletResponse.SC_FORBIDDEN, tokenRequest
                    ? "アクセストークンは本人がログインして作成・取り消しします / tokens are managed by their owner after login"
                    : "このアクセストークンは読み取り専用です / this access token is read-only");
            return;
        }
        request.setAttribute(TokenOrBasicProvider.TOKEN_USER, check.userId());
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"AuthenticationRefused\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
