package org.mcsgov.directory;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The password change that a refused login points to (/account/password.html). Not behind the REST login: the
 * person proves themself with the current password, which the engine counts like a login (lockout included).
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
    public Map<String, String> change(@RequestBody Change change) {
        passwords.change(change.userId(), change.currentPassword(), change.newPassword());
        return Map.of("message", "パスワードを変更しました。新しいパスワードでログインしてください / password changed");
    }
}
