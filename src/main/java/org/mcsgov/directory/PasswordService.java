package org.mcsgov.directory;

import static org.mcsgov.platform.Rows.now;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A11-3 for our own accounts: the initial password is changed at first login, and every password at least every
 * two months (mcs.password.max-age). Logins that must change first are refused until the person changes it.
 */
@Service
public class PasswordService {

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final Duration maxAge;

    public PasswordService(JdbcClient jdbc, IdentityService identityService,
                           @Value("${mcs.password.max-age:P60D}") Duration maxAge) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.maxAge = maxAge;
    }

    private record State(boolean passwordMustChange, OffsetDateTime passwordChangedAt) {
    }

    /** Why the person must change the password before logging in, if they must. */
    public Optional<String> changeRequired(String userId) {
        return jdbc.sql("SELECT password_must_change, password_changed_at FROM staff WHERE user_id = ? AND status = 'ACTIVE'")
                .param(userId).query(State.class).optional().flatMap(state -> {
                    if (state.passwordMustChange()) {
                        return Optional.of("初回ログインのため、パスワードの変更が必要です / the initial password must be changed");
                    }
                    Instant expiry = state.passwordChangedAt() == null ? null : state.passwordChangedAt().toInstant().plus(maxAge);
                    return expiry != null && expiry.isBefore(EngineClock.now())
                            ? Optional.of("パスワードの有効期限（" + maxAge.toDays() + "日）が切れています。変更してください"
                                    + " / the password has expired and must be changed")
                            : Optional.empty();
                });
    }

    /** The person changes their own password, proving the current one (counted like a login by the engine). */
    @Transactional
    public void change(String userId, String current, String replacement) {
        if (userId == null || current == null || !identityService.checkPassword(userId, current)) {
            throw new UserError("ユーザーIDまたは現在のパスワードが正しくありません",
                    "wrong user id or current password");
        }
        if (replacement == null || replacement.equals(current)) {
            throw new UserError("新しいパスワードは現在のものと違うものにしてください",
                    "the new password must differ from the current one");
        }
        var user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(replacement);
        save(user);
        recordChanged(userId);
    }

    /** Saves a Camunda user whose password was set; the engine's password policy refuses a weak one (A11-3). */
    public void save(User user) {
        try {
            AsSystem.call(identityService, () -> {
                identityService.saveUser(user);
                return null;
            });
        } catch (ProcessEngineException e) {
            if (e.getMessage() != null && e.getMessage().contains("policy")) {
                throw new UserError("パスワードは英字と数字を含む8文字以上にしてください（A11-3）",
                        "the password must have 8 or more characters with letters and digits (A11-3)");
            }
            throw e;
        }
    }

    /** A password was changed (here, or in the webapps' own profile page). */
    public void recordChanged(String userId) {
        jdbc.sql("UPDATE staff SET password_must_change = FALSE, password_changed_at = ? WHERE user_id = ?")
                .params(now(), userId).update();
    }
}
