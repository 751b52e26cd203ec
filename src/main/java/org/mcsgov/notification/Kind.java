package org.mcsgov.notification;

/**
 * What a notification is about; each has its Japanese template mail/&lt;template&gt;.txt, and the task kinds one for
 * several tasks at once, mail/&lt;template&gt;-many.txt, where a process sends them as a digest.
 */
public enum Kind {
    NEW_TASK("new-task"), REMINDER("reminder"), ESCALATION("escalation"),
    /** A review campaign's groups for one reviewer, announced before their tasks exist. */
    REVIEW_REQUEST("review-request"),
    /** A notice to the association office, not about a task of theirs: a change in MCS still not done (N1-3, N2-2). */
    OFFICE_NOTICE("office-notice"),
    /** A notice to one person: a procedure of theirs that someone else ended (an invitation into an archived group). */
    NOTICE("notice"),
    /** The result of one's own request (approved, rejected with its reason, returned, expired), issue 15. */
    RESULT("result");

    private final String template;

    Kind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** Sent to a person or a group named in the notification ("addressee"), not to whoever has a task. */
    boolean addressed() {
        return this == REVIEW_REQUEST || this == OFFICE_NOTICE || this == NOTICE || this == RESULT;
    }
}
