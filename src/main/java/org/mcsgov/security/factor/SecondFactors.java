package org.mcsgov.security.factor;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.Digests;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's second factor (A11-3): the TOTP secret (encrypted, {@link SecretBox}), the last step used (each code
 * counts once) and ten one-time recovery codes (SHA-256 only). A wrong code counts toward the same lockout as a wrong
 * password: the engine's failed-attempt counter, with its delays and its lock at login-max-attempts.
 */
@Service
public class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";   // nothing to misread
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final IdentityService identityService;
    private final AccountLock accountLock;
    private final TransactionTemplate transactions;

    public SecondFactors(JdbcClient jdbc, SecretBox box, IdentityService identityService, AccountLock accountLock,
                         PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.box = box;
        this.identityService = identityService;
        this.accountLock = accountLock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public boolean enrolled(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM second_factor WHERE user_id = ?").param(userId).query(Long.class)
                .single() > 0;
    }

    /** The wrong code of a check (enrolment or login). */
    public static class WrongCode extends UserError {
        WrongCode() {
            super("確認コードが正しくないか、既に使われています", "wrong or already used code");
        }
    }

    /**
     * Confirms an enrolment with a code from the app: stores the secret and returns the ten recovery codes, shown
     * once. The secret comes from the enrolment page's session, never from the person's input. The code is checked
     * outside the transaction that stores the factor, so a failure stays counted although the refusal rolls back.
     */
    public List<String> enrol(String userId, byte[] secret, String code) {
        if (enrolled(userId)) {
            throw new UserError("二要素認証は登録済みです。端末を替えるときはMCS管理者にリセットを依頼してください",
                    "a second factor is enrolled already; ask the MCS administrator for a reset");
        }
        refuseIfLocked(userId);
        long step = Totp.matchingStep(secret, normalise(code), EngineClock.now(), Long.MIN_VALUE);
        if (step < 0) {
            countFailure(userId);
            throw new WrongCode();
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO second_factor (user_id, secret, enrolled_at, last_step) VALUES (?, ?, ?, ?)")
                        .params(userId, box.seal(secret), Rows.now(), step).update();
                codes.forEach(recovery -> jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)")
                        .params(userId, Digests.sha256(normalise(recovery))).update());
            });
        } catch (DuplicateKeyException twice) {
            // the same enrolment confirmed from two tabs at once: the first one stands (a 400 with a message, never a 500)
            throw new UserError("二要素認証は既に登録されました", "the second factor was enrolled meanwhile");
        }
        return codes;
    }

    /**
     * Checks a code typed at login: six digits from the app (a step after the last one used), or a recovery code
     * not used before. A locked account is refused before anything is checked; a failure is counted.
     */
    public void check(String userId, String typed) {
        refuseIfLocked(userId);
        String code = normalise(typed);
        boolean accepted = code.matches("\\d{" + Totp.DIGITS + "}") ? totp(userId, code) : recovery(userId, code);
        if (!accepted) {
            countFailure(userId);
            throw new WrongCode();
        }
    }

    /** Recovery codes not used yet (shown on the enrolment page; fewer left: time to ask for a reset). */
    public int recoveryCodesLeft(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL").param(userId)
                .query(Long.class).single().intValue();
    }

    /** Removes the factor and its recovery codes (a lost device: the reset procedure or the command line). */
    public boolean reset(String userId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
            return jdbc.sql("DELETE FROM second_factor WHERE user_id = ?").param(userId).update() > 0;
        }));
    }

    /** Locked, or within the engine's growing delay after a failure: nothing is checked (as for a password). */
    private void refuseIfLocked(String userId) {
        if (accountLock.state(userId) != AccountLock.LockState.NONE) {
            throw new UserError("ログインの失敗が続いたため、しばらく待ってからお試しください（またはロックされています）",
                    "the account is locked or must wait after failed attempts");
        }
    }

    private boolean totp(String userId, String code) {
        record Stored(String secret, long lastStep) {
        }
        var stored = jdbc.sql("SELECT secret, last_step FROM second_factor WHERE user_id = ?").param(userId)
                .query(RecordMapper.of(Stored.class)).optional();
        if (stored.isEmpty()) {
            return false;
        }
        long step = Totp.matchingStep(box.open(stored.get().secret()), code, EngineClock.now(), stored.get().lastStep());
        // the condition makes two requests with one code race for one row: only one of them moves last_step
        return step >= 0 && jdbc.sql("UPDATE second_factor SET last_step = ? WHERE user_id = ? AND last_step < ?")
                .params(step, userId, step).update() == 1;
    }

    private boolean recovery(String userId, String code) {
        return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(Rows.now(), userId, Digests.sha256(code)).update() == 1;
    }

    /**
     * The engine's own failed-check path (attempts + 1, the growing delay, the lock at login-max-attempts) is only
     * reachable through checkPassword: a random password that never matches counts the failed code there.
     */
    private void countFailure(String userId) {
        identityService.checkPassword(userId, UUID.randomUUID() + "-" + UUID.randomUUID());
    }

    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase();
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            if (i == 4) {
                code.append('-');
            }
        }
        return code.toString();
    }
}
