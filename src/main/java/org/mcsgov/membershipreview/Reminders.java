package org.mcsgov.membershipreview;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.notification.Notifications;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The reminder and the follow-up of an escalation, shared by security-training-facility and password-attestation-person. */
@Component("reminders")
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final Notifications notifications;

    public Reminders(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The reminder: a mail to whoever has the open task, and the variable remindedAt, which Tasklist shows. */
    public JavaDelegate remind() {
        return execution -> {
            execution.setVariable("remindedAt", Rows.now());
            notifications.remindOpenTasks(execution);
            log.info("[{}] reminder: the task is still open", execution.getBusinessKey());
        };
    }

    /** The administrator's follow-up of an overdue duty: what they did, and who. */
    public JavaDelegate checkFollowUp() {
        return execution -> {
            Vars.text(execution, "followUp", "対応の内容", 1000);
            execution.setVariable("followUpBy", Facts.actor(execution));
            log.info("[{}] escalation followed up by {}", execution.getBusinessKey(), execution.getVariable("followUpBy"));
        };
    }
}
