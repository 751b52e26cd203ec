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
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A11-3 for our own accounts: the initial password is changed at first login, and every password at least every
 * two months (mcs.password.max-age). Logins that must change first are refused until the person changes it.
 */
@Service
public class PasswordService {

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final Duration maxAge;
    private final PasswordHistory history;
    private final TransactionTemplate transactions;

    public PasswordService(JdbcClient jdbc, IdentityService identityService,
                           PasswordProperties settings, PasswordHistory history,
                           PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.maxAge = settings.maxAge();
        this.history = history;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record State(boolean passwordMustChange, OffsetDateTime passwordChangedAt) {
    }

    /** Why the person must change the password before logging in, if they must. */
    public Optional<String> changeRequired(String userId) {
        return jdbc.sql("SELECT password_must_change, password_changed_at FROM staff WHERE user_id = ? AND status = 'ACTIVE'")
                .param(userId).query(RecordMapper.of(State.class)).optional().flatMap(state -> {
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

    /** The current password did not prove the person (counted by the engine toward the lockout, A11-3). */
    public static class WrongPassword extends UserError {
        WrongPassword() {
            super("ユーザーIDまたは現在のパスワードが正しくありません", "wrong user id or current password");
        }
    }

    /**
     * The person changes their own password, proving the current one first. The check runs in its own transaction,
     * so a failed attempt stays counted (A11-3 lockout) even though the refusal rolls back what follows.
     */
    public void change(String userId, String current, String replacement) {
        identityService.clearAuthentication();
        if (userId == null || current == null || !identityService.checkPassword(userId, current)) {
            throw new WrongPassword();
        }
        if (replacement == null || replacement.equals(current)) {
            throw new UserError("新しいパスワードは現在のものと違うものにしてください",
                    "the new password must differ from the current one");
        }
        transactions.executeWithoutResult(status -> {
            var user = AsSystem.call(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
            user.setPassword(replacement);
            save(user);
            markChanged(userId);
        });
    }

    /**
     * The person sets their first password with a proof other than a password (a migrated account's activation
     * link): the same policy and history as a change (A11-3), and no change is required at the next login.
     */
    public void setFirst(String userId, String replacement) {
        transactions.executeWithoutResult(status -> {
            var user = AsSystem.call(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
            user.setPassword(replacement);
            save(user);
            markChanged(userId);
        });
    }

    /**
     * Saves a Camunda user whose password was set; the engine's password policy refuses a weak or recently used one
     * (A11-3); the new password's hash joins the history.
     */
    public void save(User user) {
        try {
            AsSystem.call(identityService, () -> {
                identityService.saveUser(user);
                return null;
            });
            history.record(user.getId());
        } catch (ProcessEngineException e) {
            if (e.getMessage() != null && e.getMessage().contains("policy")) {
                throw new UserError(McsPasswordPolicy.JAPANESE, McsPasswordPolicy.ENGLISH);
            }
            throw e;
        }
    }

    /** A password was changed in the webapps' profile page or through /engine-rest: dated, its hash kept (A11-3). */
    public void recordChanged(String userId) {
        markChanged(userId);
        history.record(userId);
    }

    private void markChanged(String userId) {
        jdbc.sql("UPDATE staff SET password_must_change = FALSE, password_changed_at = ? WHERE user_id = ?")
                .params(now(), userId).update();
    }
}
