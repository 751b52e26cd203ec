package org.mcsgov.security.lock;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says why a login was refused when the password was not the reason (issue 15: a person who typed the right
 * password during the engine's lockout got "wrong password", tried again and again, and locked themself out): the
 * account is locked for a while (until when, Asia/Tokyo), locked until the facility's MCS administrator unlocks it,
 * or locked by a suspension or an offboarding (whom to ask).
 * <p>
 * Thought as an attacker: a lock message must not tell a guesser which user ids exist. A made-up id is therefore
 * locked exactly as a real one (the engine's rule of attempts and growing delays, mirrored in memory), so "locked"
 * comes for any id after the same failures; the address throttle (LoginThrottle) still limits how many ids one
 * address can try. A suspension or an offboarding locks an account with no failure at all: saying so to anyone who
 * types the id would tell that the person exists and was suspended or is leaving. It is said only to whoever types
 * that account's right password, and every wrong one counts toward the same five attempts as on any account (the
 * engine does not check a locked account's password, so this does, and counts), so the lock opens no extra guesses.
 * What remains: the mirror is per node and forgotten at restart (or once 10,000 made-up ids failed, which the
 * throttle makes slow from one address), so a guesser who sees it forgotten can tell an id locked before (real, in
 * the database) from a made-up one — after five failures at that id, and only for the ids tried before.
 */
@Component
public class LoginLocks {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("M月d日 H時mm分ss秒");
    private static final int REMEMBERED_IDS = 10_000;

    /** Why a login was refused, in Japanese for the person and in English for operators (REST). */
    public record Refusal(String type, String japanese, String english) {
        public String json(boolean forPeople) {
            return "{\"type\":\"" + type + "\",\"message\":\"" + escape(forPeople ? japanese : english)
                    + "\",\"japanese\":\"" + escape(japanese) + "\"}";
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }

    /** The account as it was before the password was checked (the engine changes it when it checks). */
    public record Before(String userId, boolean exists, int attempts, Instant lockedUntil, boolean administrative,
                         String status, String facility, String hash, String salt) {
    }

    private record Mirror(int attempts, Instant until) {
    }

    private final ProcessEngineConfigurationImpl engine;
    private final JdbcClient jdbc;
    private final Map<String, Mirror> mirrors = new ConcurrentHashMap<>();

    public LoginLocks(ProcessEngineConfigurationImpl engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    public Before before(String userId) {
        return jdbc.sql("""
                        SELECT u.ATTEMPTS_, u.LOCK_EXP_TIME_, u.PWD_, u.SALT_, s.status, f.name
                        FROM ACT_ID_USER u
                        LEFT JOIN staff s ON s.user_id = u.ID_ AND s.id = (SELECT MAX(n.id) FROM staff n WHERE n.user_id = u.ID_)
                        LEFT JOIN facility f ON f.id = s.facility_id
                        WHERE u.ID_ = ?""").param(userId == null ? "" : userId)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(2);
                    Instant instant = until == null ? null : until.toInstant();
                    boolean administrative = instant != null
                            && instant.isAfter(EngineClock.now().plus(Duration.ofDays(365)));
                    return new Before(userId, true, rs.getInt(1), instant, administrative, rs.getString(5),
                            rs.getString(6), rs.getString(3), rs.getString(4));
                }).optional()
                .orElseGet(() -> new Before(userId, false, 0, null, false, null, null, null, null));
    }

    /** After a refused password check: why, when it is a lock; empty when it was the password (or the id). */
    public Optional<Refusal> refused(Before before, String password) {
        Instant now = EngineClock.now();
        if (!before.exists() || before.administrative()) {
            return mirrored(before, password, now);
        }
        if (before.attempts() >= engine.getLoginMaxAttempts()) {
            return Optional.of(lockedOut());
        }
        if (before.lockedUntil() != null && before.lockedUntil().isAfter(now)) {
            return Optional.of(waitUntil(before.lockedUntil()));
        }
        return after(before.userId()) >= engine.getLoginMaxAttempts() ? Optional.of(lockedOut()) : Optional.empty();
    }

    /** A made-up id, or an account locked by a suspension or an offboarding: the engine's rule, kept here. */
    private Optional<Refusal> mirrored(Before before, String password, Instant now) {
        Mirror mirror = mirrors.getOrDefault(before.userId(), new Mirror(0, Instant.MIN));
        int attempts = before.exists() ? before.attempts() : mirror.attempts();
        if (attempts >= engine.getLoginMaxAttempts()) {
            return Optional.of(lockedOut());
        }
        if (mirror.until().isAfter(now)) {
            return Optional.of(waitUntil(mirror.until()));
        }
        if (before.exists() && password != null && matches(before, password)) {
            return Optional.of(administrative(before));
        }
        attempts++;
        if (before.exists()) {
            // the engine did not count it (a locked account's password is not checked): counted as it would be
            jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = ?, REV_ = REV_ + 1 WHERE ID_ = ?")
                    .params(attempts, before.userId()).update();
        }
        if (mirrors.size() > REMEMBERED_IDS) {
            mirrors.entrySet().removeIf(e -> e.getValue().until().isBefore(now) && e.getValue().attempts() == 0);
            if (mirrors.size() > REMEMBERED_IDS) {
                mirrors.clear();
            }
        }
        mirrors.put(before.userId(), new Mirror(attempts, now.plus(delay(attempts))));
        return attempts >= engine.getLoginMaxAttempts() ? Optional.of(lockedOut()) : Optional.empty();
    }

    /** The engine's delay after a failure: base × factor^(attempts − 1) seconds, at most the maximum. */
    private Duration delay(int attempts) {
        double seconds = engine.getLoginDelayBase() * Math.pow(engine.getLoginDelayFactor(), attempts - 1);
        return Duration.ofSeconds((long) Math.min(seconds, engine.getLoginDelayMaxTime()));
    }

    private boolean matches(Before before, String password) {
        return before.hash() != null && engine.getPasswordManager()
                .check(EncryptionUtil.saltPassword(password, before.salt()), before.hash());
    }

    private int after(String userId) {
        return jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?").param(userId).query(Integer.class)
                .optional().orElse(0);
    }

    static Refusal waitUntil(Instant until) {
        String clock = CLOCK.format(until.atZone(EngineClock.ZONE));
        return new Refusal("AccountTemporarilyLocked",
                "ログインの失敗が続いたため、このユーザーIDは一時的にロックされています。" + clock
                        + "（日本時間）以降に、もう一度お試しください。それまでは正しいパスワードでもログインできません",
                "this user id is locked after failed logins until " + until + " (" + clock
                        + " Asia/Tokyo); until then even the right password is refused");
    }

    static Refusal lockedOut() {
        return new Refusal("AccountLocked",
                "ログインの失敗が続いたため、このユーザーIDはロックされています。所属する事業所のMCS管理者に"
                        + "ロックの解除を依頼してください（MCS管理者自身は医師会事務局またはシステム管理者へ）",
                "this user id is locked after repeated failed logins: the facility's MCS administrator unlocks it "
                        + "on the staff page (or --mcs.unlock=<user>)");
    }

    /** Said only to whoever typed the account's right password: they know it is theirs. */
    private static Refusal administrative(Before before) {
        String why = "SUSPENDED".equals(before.status()) ? Staff.Status.SUSPENDED.label() : "LEFT".equals(before.status()) ? "登録削除済み"
                : "登録削除（退職・異動）の手続き中、または長く使われていないため";
        String whom = before.facility() == null ? "医師会事務局" : before.facility() + "のMCS管理者";
        return new Refusal("AccountSuspended",
                "このアカウントは" + why + "のためロックされています。" + whom + "にお問い合わせください",
                "the account is locked by a suspension or an offboarding (" + before.status()
                        + "): lifted only through user-suspension");
    }
}
