package org.mcsgov.migration;

import static org.mcsgov.platform.Rows.now;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import org.mcsgov.directory.PasswordService;
import org.mcsgov.directory.Staff;
import org.mcsgov.notification.MailSettings;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Activation of a migrated account (A11-3): the person receives a link by mail and sets their own password under the
 * password policy. The token is 256 random bits, stored only as its SHA-256, used once and valid for
 * mcs.migration.activation-valid-for; it travels in no process variable and no log. The mail leaves after the commit,
 * so a chunk that rolls back mails nobody a link that does not work.
 */
@Component
public class Activations {

    private static final Logger log = LoggerFactory.getLogger(Activations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordService passwords;
    private final MailSettings mail;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Duration validFor;

    public Activations(JdbcClient jdbc, PasswordService passwords, MailSettings mail,
                       ObjectProvider<JavaMailSender> mailSender,
                       MigrationProperties settings) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.mail = mail;
        this.mailSender = mailSender;
        this.validFor = settings.activationValidFor();
    }

    /** The account waits for its person: a first link is issued and mailed. Returns the token (for the caller only). */
    String await(Staff staff, long importId, String by) {
        jdbc.sql("INSERT INTO account_activation (staff_id, import_id, created_at) VALUES (?, ?, ?)")
                .params(staff.id(), importId, now()).update();
        return issue(staff, by);
    }

    /** A new link replaces the earlier one (re-sent by the facility's MCS administrator once it expired). */
    public String issue(Staff staff, String by) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int updated = jdbc.sql("""
                UPDATE account_activation SET token_hash = ?, expires_at = ?, sent_by = ?, sent_at = ?
                WHERE staff_id = ? AND activated_at IS NULL""")
                .params(Digests.sha256(token), Timestamp.from(EngineClock.now().plus(validFor)), by, now(), staff.id())
                .update();
        if (updated == 0) {
            throw new UserError("有効化を待つアカウントではありません: " + staff.userId(),
                    "not an account waiting for activation: " + staff.userId());
        }
        afterCommit(() -> send(staff, token));
        return token;
    }

    /** The person sets their first password with the link's token: once, before it expires, under A11-3. */
    public void activate(String token, String newPassword) {
        String hash = Digests.sha256(token == null ? "" : token);
        var row = jdbc.sql("""
                SELECT s.user_id, a.expires_at FROM account_activation a JOIN staff s ON s.id = a.staff_id
                WHERE a.token_hash = ? AND a.activated_at IS NULL""").param(hash)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}).optional()
                .orElseThrow(() -> new UserError("このリンクは使えません（使用済みか、新しいリンクが送られています）",
                        "unknown or used activation link"));
        if (((Timestamp) row[1]).toInstant().isBefore(EngineClock.now())) {
            throw new UserError("このリンクは期限切れです。事業所のMCS管理者に再送を依頼してください",
                    "the activation link expired: ask the facility's MCS administrator to send it again");
        }
        passwords.setFirst((String) row[0], newPassword);
        jdbc.sql("UPDATE account_activation SET activated_at = ?, token_hash = NULL WHERE token_hash = ?")
                .params(now(), hash).update();
    }

    /** Whether the person's account still waits for activation (the staff page's re-send button). */
    public boolean waiting(long staffId) {
        return jdbc.sql("SELECT COUNT(*) FROM account_activation WHERE staff_id = ? AND activated_at IS NULL")
                .param(staffId).query(Long.class).single() > 0;
    }

    private void send(Staff staff, String token) {
        if (!mail.isEnabled()) {
            log.info("activation link for {} not mailed (mcs.mail.enabled=false)", staff.userId());
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(mail.getFrom());
        message.setTo(staff.email());
        message.setSubject("【MCS運用ワークフロー】アカウントの有効化");
        message.setText(staff.name() + " 様\n\n医師会の台帳にアカウント（ユーザーID " + staff.userId() + "）が移行されました。\n"
                + "次のリンクから、ご自身でパスワード（英字と数字を含む8文字以上）を決めてください。リンクは1回だけ、"
                + validFor.toDays() + "日間使えます。\n\n" + mail.getBaseUrl() + "/account/activate.html#" + token + "\n");
        mailSender.getObject().send(message);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
