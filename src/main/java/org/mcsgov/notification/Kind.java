package org.mcsgov.notification;

/**
 * What a notification is about; each has its Japanese template mail/&lt;template&gt;.txt, and the task kinds one for
 * several tasks at once, mail/&lt;template&gt;-many.txt, where a process sends them as a digest.
 */
public enum Kind {
    NEW_TASK("new-task"), REMINDER("reminder"), ESCALATION("escalation"),
    /** A review campaign's groups for one reviewer, announced before their tasks exist. */
    REVIEW_REQUEST("review-request");

    private final String template;

    Kind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
