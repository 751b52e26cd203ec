package org.mcsgov.inactivity;

import static org.mcsgov.platform.Rows.now;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.directory.Deciders;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way back for an account locked by account-inactivity-review without an answer (NIST AC-2(3), A11-2): the
 * facility's active MCS administrator reactivates it with a reason (the staff page's unlock button, AccountUnlock).
 * The register goes back to ACTIVE, the engine lock is lifted and the Camunda groups are given back from the
 * person's active roles (AccountLock.unlock, as user-suspension's lift does); the review row stays as it was and
 * a new inactivity_reactivation row records who, when and why. A suspension or an offboarding is not lifted here.
 */
@Component
public class InactivityReactivation {

    private final DirectoryService directory;
    private final Deciders deciders;
    private final AccountLock accountLock;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;

    public InactivityReactivation(DirectoryService directory, Deciders deciders, AccountLock accountLock,
                                  RuntimeService runtimeService, JdbcClient jdbc) {
        this.directory = directory;
        this.deciders = deciders;
        this.accountLock = accountLock;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    /**
     * The inactivity review that locked the person, if that lock is what holds the account now: register LOCKED,
     * the engine's administrative lock, the person's last review LOCKED and no offboarding under way.
     */
    public Optional<Long> lockingReview(Staff person) {
        if (!"LOCKED".equals(person.status()) || person.userId() == null
                || accountLock.state(person.userId()) != AccountLock.LockState.ADMINISTRATIVE) {
            return Optional.empty();
        }
        Optional<Long> review = jdbc.sql("""
                SELECT id FROM inactivity_review WHERE staff_id = ? AND status = 'LOCKED'
                  AND id = (SELECT MAX(id) FROM inactivity_review WHERE staff_id = ?)""")
                .params(person.id(), person.id()).query(Long.class).optional();
        if (review.isEmpty() || offboarding(person)) {
            return Optional.empty();
        }
        return review;
    }

    private boolean offboarding(Staff person) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("staff-offboarding")
                .variableValueEquals("leaverUserId", person.userId()).count() > 0;
    }

    /** Reactivates the account; refused (400) unless locked for inactivity, by an active MCS administrator, with a reason. */
    @Transactional
    public void reactivate(String actorUserId, long staffId, String reason) {
        Staff person = directory.staff(staffId).orElseThrow(() -> new UserError("職員が見つかりません: " + staffId,
                "no such staff member: " + staffId));
        Staff admin = deciders.require(actorUserId, person.facilityId(), Role.MCS_ADMIN);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new UserError("再開の理由を入力してください", "give the reason for reactivating the account");
        }
        if (why.length() > UserError.MAX_REASON) {
            throw UserError.tooLong("再開の理由", "the reason");
        }
        long review = lockingReview(person).orElseThrow(() -> new UserError(
                "このアカウントは未使用によるロック中ではありません（利用停止・登録削除は各手続きで解除します）",
                "the account is not locked for inactivity (a suspension or an offboarding is decided in its own procedure)"));
        // only the row still LOCKED changes: of two reactivations at once, the second finds it ACTIVE and stops
        if (jdbc.sql("UPDATE staff SET status = 'ACTIVE' WHERE id = ? AND status = 'LOCKED'").param(person.id())
                .update() != 1) {
            throw new UserError("このアカウントは既に再開されています", "the account was already reactivated");
        }
        Rows.insert(jdbc, """
                INSERT INTO inactivity_reactivation (staff_id, review_id, reactivated_by, reactivated_at, reason)
                VALUES (?, ?, ?, ?, ?)""", person.id(), review, admin.userId(), now(), why);
        accountLock.unlock(person, directory.activeRoles(person.id()));
    }
}
