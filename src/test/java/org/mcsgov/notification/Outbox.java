package org.mcsgov.notification;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the process tests read in the mail outbox: the rows of a procedure (by business key), oldest first. */
public final class Outbox {

    private Outbox() {
    }

    /**
     * Leaves unsent what earlier tests of this JVM wrote (they share the in-memory database and do not drain it), so
     * that a test with a mail server receives only its own mails.
     */
    public static void leaveEarlierUnsent(JdbcClient jdbc) {
        jdbc.sql("UPDATE mail_outbox SET state = 'SKIPPED' WHERE state = 'PENDING'").update();
    }

    /** kind, state, notice, task_id and recipients of each row whose business key is like the pattern (SQL LIKE). */
    public static List<Map<String, Object>> rows(JdbcClient jdbc, String businessKeyLike) {
        return jdbc.sql("""
                SELECT kind, state, notice, task_id, recipients, handed_to FROM mail_outbox
                WHERE business_key LIKE ? ORDER BY id""").param(businessKeyLike).query().listOfRows();
    }

    /** The kinds of the rows still waiting to be sent. */
    public static List<String> waitingKinds(JdbcClient jdbc, String businessKeyLike) {
        return rows(jdbc, businessKeyLike).stream().filter(r -> "PENDING".equals(r.get("state")))
                .map(r -> (String) r.get("kind")).toList();
    }
}
