package org.mcsgov.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of the notifications (table mail_outbox, V21). {@link #add} joins the caller's transaction: a task and
 * its mail are committed together or not at all. The other methods are the drain's, each a statement of its own
 * (autocommit), so that a row is claimed by one node of a cluster at a time.
 */
@Component
public class MailOutbox {

    /** A row taken out of the outbox to be sent. */
    record Row(long id, Mail mail) {
    }

    private final JdbcClient jdbc;

    public MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Mail mail) {
        jdbc.sql("""
                INSERT INTO mail_outbox (kind, business_key, task_id, process_instance_ids, addressee, notice,
                    item_count, due_date, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(mail.kind().name(), mail.businessKey(), mail.taskId(), mail.processInstanceIds(),
                        mail.addressee(), mail.notice(), mail.count(),
                        mail.due() == null ? null : new Timestamp(mail.due().getTime()), Timestamp.from(Instant.now()))
                .update();
    }

    /** Up to {@code limit} rows waiting to be sent, oldest first, that no node holds now. */
    List<Row> waiting(int limit) {
        return jdbc.sql("""
                SELECT * FROM mail_outbox WHERE state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY id FETCH FIRST ? ROWS ONLY""")
                .params(Timestamp.from(Instant.now()), limit).query(MailOutbox::row).list();
    }

    /** Holds the row for this node for {@code hold}; false when another node took it first. */
    boolean claim(long id, Duration hold) {
        Instant now = Instant.now();
        return jdbc.sql("""
                UPDATE mail_outbox SET claimed_until = ?
                WHERE id = ? AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(Timestamp.from(now.plus(hold)), id, Timestamp.from(now)).update() == 1;
    }

    /** The row's end: SENT, LOGGED or SKIPPED with whom it reached, or HANDED_OVER to a notification instance. */
    void done(long id, String state, Set<String> recipients, String handedTo) {
        jdbc.sql("UPDATE mail_outbox SET state = ?, done_at = ?, recipients = ?, handed_to = ? WHERE id = ?")
                .params(state, Timestamp.from(Instant.now()), recipients.isEmpty() ? null : String.join(",", recipients),
                        handedTo, id)
                .update();
    }

    /** Removes the rows done before {@code before} (kept until then as the evidence of the sending). */
    int removeDoneBefore(Instant before) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE created_at < ? AND state <> 'PENDING'")
                .param(Timestamp.from(before)).update();
    }

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        Timestamp due = rs.getTimestamp("due_date");
        return new Row(rs.getLong("id"), new Mail(Kind.valueOf(rs.getString("kind")), rs.getString("business_key"),
                rs.getString("task_id"), rs.getString("process_instance_ids"), rs.getString("addressee"),
                rs.getString("notice"), rs.getObject("item_count", Long.class), due == null ? null : new java.util.Date(due.getTime())));
    }
}
