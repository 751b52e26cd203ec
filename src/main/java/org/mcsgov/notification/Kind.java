package org.mcsgov.notification;

/** What a notification is about; each has its Japanese template mail/&lt;template&gt;.txt. */
public enum Kind {
    NEW_TASK("new-task"), REMINDER("reminder"), ESCALATION("escalation");

    private final String template;

    Kind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
