package org.mcsgov.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, every mcs.mail.drain-every (PT5S; 0 turns it off, as the process tests do: they drain
 * it themselves). Every node of a cluster drains; a row is claimed by one at a time and held for {@link #HOLD}, so a
 * node that dies while sending leaves its rows to the others (a mail may then be sent twice, never lost: as a
 * retried job before). A sending that fails is handed to a `notification` instance in one transaction with the row's
 * end: the engine retries it (mcs.mail.retry) and shows an incident in Cockpit when it gives up.
 */
@Component
public class MailDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDrain.class);
    private static final int BATCH = 100;
    private static final Duration HOLD = Duration.ofMinutes(5);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final MailOutbox outbox;
    private final Notifications notifications;
    private final ProcessEngine engine;
    private final TransactionTemplate transactions;
    private final MailSettings settings;
    private ScheduledExecutorService timer;
    private Instant cleanedUp = Instant.EPOCH;

    public MailDrain(MailOutbox outbox, Notifications notifications, ProcessEngine engine,
                     PlatformTransactionManager transactionManager, MailSettings settings) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.engine = engine;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
    }

    /** Sends every mail waiting now (rows another node holds excepted); returns how many rows this call ended. */
    public int sendWaiting() {
        int ended = 0;
        for (List<MailOutbox.Row> rows = outbox.waiting(BATCH); !rows.isEmpty(); rows = outbox.waiting(BATCH)) {
            for (MailOutbox.Row row : rows) {
                if (outbox.claim(row.id(), HOLD)) {
                    send(row);
                    ended++;
                }
            }
        }
        removeOldRows();
        return ended;
    }

    private void send(MailOutbox.Row row) {
        Mail mail = row.mail();
        Set<String> recipients;
        try {
            recipients = notifications.deliver(engine, mail);
        } catch (RuntimeException e) {
            log.warn("[{}] {} not sent, handed to the notification process to be retried: {}", mail.businessKey(),
                    mail.kind(), e.toString());
            transactions.executeWithoutResult(status -> outbox.done(row.id(), "HANDED_OVER", Set.of(),
                    engine.getRuntimeService().startProcessInstanceByKey(Notifications.PROCESS_KEY,
                            mail.businessKey(), mail.variables()).getId()));
            return;
        }
        outbox.done(row.id(), recipients.isEmpty() ? "SKIPPED" : notifications.mailing() ? "SENT" : "LOGGED",
                recipients, null);
    }

    /** The evidence of a sending is kept mcs.mail.keep (P365D, as the notification process's history). */
    private void removeOldRows() {
        Instant now = Instant.now();
        if (cleanedUp.plus(CLEANUP_EVERY).isBefore(now)) {
            cleanedUp = now;
            int removed = outbox.removeDoneBefore(now.minus(settings.getKeep()));
            if (removed > 0) {
                log.info("mail outbox: {} row(s) older than {} removed", removed, settings.getKeep());
            }
        }
    }

    private void drainQuietly() {
        try {
            sendWaiting();
        } catch (RuntimeException e) {
            // a database that is away for a moment: the next round tries again (an exception would end the timer)
            log.error("mail outbox not drained, next attempt in {}: {}", settings.getDrainEvery(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        Duration every = settings.getDrainEvery();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mail-drain"));
        timer.scheduleWithFixedDelay(this::drainQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
