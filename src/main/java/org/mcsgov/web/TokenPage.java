package org.mcsgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.FormToken;
import org.mcsgov.security.token.AccessTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * アクセストークン: a logged-in person creates (shown once), lists (with last use) and revokes their own personal
 * access tokens for programs. Audited as register changes, with the token's name, never the token.
 */
@Controller
public class TokenPage {

    private final AccessTokens tokens;
    private final CurrentUser currentUser;

    public TokenPage(AccessTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @GetMapping("/register/tokens")
    public String list(Model model) {
        model.addAttribute("tokens", tokens.of(currentUser.id()));
        return "register/tokens";
    }

    @PostMapping("/register/tokens")
    public String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String scope,
                         @RequestParam(defaultValue = "0") int days, @RequestParam("_token") String token,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        FormToken.check(request.getSession(), token);
        request.setAttribute(AuditLog.DETAIL, "token created: " + name + " (" + scope + ")");
        try {
            model.addAttribute("created", tokens.create(currentUser.id(), name, scope, days));
        } catch (UserError refused) {
            request.setAttribute(AuditLog.DETAIL, "token refused: " + refused.getMessage());
            model.addAttribute("error", refused.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return list(model);
    }

    @PostMapping("/register/tokens/{id}/revoke")
    public String revoke(@PathVariable long id, @RequestParam("_token") String token, HttpServletRequest request) {
        FormToken.check(request.getSession(), token);
        request.setAttribute(AuditLog.DETAIL, "token revoked: " + id);
        tokens.revoke(currentUser.id(), id);
        return "redirect:/register/tokens?revoked";
    }
}
