package org.mcsgov.directory;

import static org.mcsgov.platform.Rows.now;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A11-3: a new password is none of the person's last {@value #KEPT}. Keeps the engine's salted hashes (ACT_ID_USER's
 * PWD_ and SALT_ after each change; the current password is checked in ACT_ID_USER itself) and compares a candidate
 * the way the engine checks a login: salted, through its password manager.
 */
@Component
public class PasswordHistory {

    static final int KEPT = 5;

    private final JdbcClient jdbc;
    private final ProcessEngineConfigurationImpl engine;

    /** Lazy: the engine's password policy holds this before the engine exists. */
    public PasswordHistory(JdbcClient jdbc, @Lazy ProcessEngineConfigurationImpl engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    private record Hash(String hash, String salt) {
    }

    /** The person's password has just been changed: remember its hash, forget all but the newest five. */
    public void record(String userId) {
        jdbc.sql("""
                INSERT INTO password_history (user_id, password_hash, salt, changed_at)
                SELECT ID_, PWD_, SALT_, ? FROM ACT_ID_USER WHERE ID_ = ? AND PWD_ IS NOT NULL""")
                .params(now(), userId).update();
        List<Long> old = jdbc.sql("SELECT id FROM password_history WHERE user_id = ? ORDER BY id DESC")
                .param(userId).query(Long.class).list().stream().skip(KEPT).toList();
        old.forEach(id -> jdbc.sql("DELETE FROM password_history WHERE id = ?").param(id).update());
    }

    /** Whether the candidate is the current password or one of the last five. */
    public boolean reused(String userId, String candidate) {
        if (userId == null || candidate == null) {
            return false;
        }
        List<Hash> hashes = jdbc.sql("""
                SELECT PWD_, SALT_ FROM ACT_ID_USER WHERE ID_ = ? AND PWD_ IS NOT NULL
                UNION ALL SELECT password_hash, salt FROM password_history WHERE user_id = ?""")
                .params(userId, userId).query((rs, n) -> new Hash(rs.getString(1), rs.getString(2))).list();
        return hashes.stream().anyMatch(h -> engine.getPasswordManager()
                .check(EncryptionUtil.saltPassword(candidate, h.salt()), h.hash()));
    }
}
