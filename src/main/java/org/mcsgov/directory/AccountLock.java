package org.mcsgov.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Locks a Camunda account at once and takes its task access (N2-2): the engine's own failed-login lock, set far
 * ahead, so the webapps' and REST's login (IdentityService.checkPassword) refuse it; and the user leaves every
 * Camunda group, so even an open session sees no task. Unlocking restores the groups from the register's roles.
 */
@Component
public class AccountLock {

    private static final Date FOREVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final ProcessEngineConfigurationImpl configuration;
    private final IdentityService identityService;
    private final JdbcClient jdbc;

    public AccountLock(ProcessEngineConfigurationImpl configuration, IdentityService identityService, JdbcClient jdbc) {
        this.configuration = configuration;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /**
     * Whether a logged-in person may go on: their Camunda user exists, is not locked by {@link #lock} (suspension,
     * offboarding) and their register entry, if any, is ACTIVE. One indexed read, cheap enough for every request.
     * The guessing lockout (login-max-attempts) does not end a session: else anyone could end a named person's
     * session at will by failing five logins in their name.
     */
    public boolean mayContinue(String userId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM ACT_ID_USER u LEFT JOIN staff s ON s.user_id = u.ID_
                WHERE u.ID_ = ? AND (u.LOCK_EXP_TIME_ IS NULL OR u.LOCK_EXP_TIME_ < ?)
                  AND (s.id IS NULL OR s.status = 'ACTIVE')""")
                .params(userId, administrativeFrom()).query(Long.class).single() > 0;
    }

    public void lock(String userId) {
        // IdentityService has unlockUser but no lock: the engine's statement for its own lock does it
        configuration.getCommandExecutorTxRequired().execute(context -> {
            UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, userId);
            user.setLockExpirationTime(FOREVER);
            context.getDbEntityManager().update(UserEntity.class, "updateUserLock", user);
            return null;
        });
        AsSystem.call(identityService, () -> {
            for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
                identityService.deleteMembership(userId, group.getId());
            }
            return null;
        });
    }

    /** Unlocks the account and gives back the Camunda groups of the roles the register holds for the person. */
    public void unlock(Staff staff, Iterable<Role> roles) {
        AsSystem.call(identityService, () -> {
            identityService.unlockUser(staff.userId());
            for (Role role : roles) {
                identityService.createMembership(staff.userId(), role.groupId(staff.facilityId()));
            }
            return null;
        });
    }

    /** A lock beyond the engine's own delays (at most minutes) is ours: the engine never sets one a year ahead. */
    private static Timestamp administrativeFrom() {
        return Timestamp.from(EngineClock.now().plus(Duration.ofDays(365)));
    }

    public boolean exists(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?").param(userId).query(Long.class).single() > 0;
    }

    /** How an account is locked: not, by failed logins (A11-3 lockout and its delays), or by {@link #lock}. */
    public enum LockState { NONE, FAILED_LOGINS, ADMINISTRATIVE }

    public LockState state(String userId) {
        return jdbc.sql("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?").param(userId)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(2);
                    if (until != null && until.after(administrativeFrom())) {
                        return LockState.ADMINISTRATIVE;
                    }
                    boolean delayed = until != null && until.after(Timestamp.from(EngineClock.now()));
                    return rs.getInt(1) >= configuration.getLoginMaxAttempts() || delayed ? LockState.FAILED_LOGINS
                            : LockState.NONE;
                }).optional().orElse(LockState.NONE);
    }

    /**
     * Ends a lockout by failed logins (the facility's MCS administrator, or the command line for `admin`). A lock
     * of a suspension or an offboarding is not lifted here: the user-suspension process decides that, with a reason.
     */
    public void unlockFailedLogins(String userId) {
        if (state(userId) == LockState.ADMINISTRATIVE) {
            throw new UserError("この利用者は利用停止中または登録削除中です。利用の制限（user-suspension）で解除してください",
                    "the account is suspended or being offboarded: lift the suspension in user-suspension");
        }
        AsSystem.call(identityService, () -> {
            identityService.unlockUser(userId);
            return null;
        });
    }
}
