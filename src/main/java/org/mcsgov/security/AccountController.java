package org.mcsgov.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.PasswordService;
import org.mcsgov.platform.UserError;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The password change that a refused login points to (/account/password.html). Not behind the REST login: the
 * person proves themself with the current password, which the engine counts like a login (lockout included) and
 * the source address's throttle counts too. Every attempt is in the audit log, a refusal with its reason.
 */
@RestController
public class AccountController {

    private final PasswordService passwords;

    public AccountController(PasswordService passwords) {
        this.passwords = passwords;
    }

    public record Change(String userId, String currentPassword, String newPassword) {
    }

    @PostMapping("/account/password")
    public Map<String, String> change(@RequestBody Change change, HttpServletRequest request) {
        request.setAttribute(AuditLog.USER, change.userId());
        try {
            passwords.change(change.userId(), change.currentPassword(), change.newPassword());
        } catch (PasswordService.WrongPassword e) {
            request.setAttribute(LoginThrottle.FAILED, Boolean.TRUE);
            throw e;
        } catch (UserError e) {
            request.setAttribute(AuditLog.DETAIL, e.getMessage());
            throw e;
        }
        return Map.of("message", "パスワードを変更しました。新しいパスワードでログインしてください / password changed");
    }
}
