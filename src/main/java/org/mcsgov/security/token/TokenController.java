package org.mcsgov.security.token;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own tokens through /api (HTTP Basic: whoever may still use a password there; the page /register/tokens
 * does the same for everyone). Creation and revocation are audit rows (CHANGE, with the token's name, never the token).
 */
@RestController
public class TokenController {

    private final AccessTokens tokens;
    private final CurrentUser currentUser;

    public TokenController(AccessTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    public record NewToken(String name, String scope, Integer days) {
    }

    @GetMapping("/api/tokens")
    public List<AccessTokens.Token> mine() {
        return tokens.of(currentUser.id());
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> create(@RequestBody NewToken request, HttpServletRequest http) {
        http.setAttribute(AuditLog.DETAIL, "token created: " + request.name() + " (" + request.scope() + ")");
        String token = tokens.create(currentUser.id(), request.name(), request.scope(),
                request.days() == null ? 0 : request.days());
        return Map.of("token", token, "message", "このトークンは今だけ表示されます / shown only now");
    }

    @DeleteMapping("/api/tokens/{id}")
    public Map<String, String> revoke(@PathVariable long id, HttpServletRequest http) {
        http.setAttribute(AuditLog.DETAIL, "token revoked: " + id);
        tokens.revoke(currentUser.id(), id);
        return Map.of("message", "取り消しました / revoked");
    }
}
