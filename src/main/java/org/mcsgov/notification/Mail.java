package org.mcsgov.notification;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One notification to send: about a task (taskId), the open tasks of some process instances (a digest), or addressed
 * to a person or group ("user:…", "group:…") with a notice or a review request's count and due date. Written to the
 * outbox with the transaction that causes it; handed to the `notification` process as its variables when sending
 * fails (that process retries and ends as an incident).
 */
record Mail(Kind kind, String businessKey, String taskId, String processInstanceIds, String addressee, String notice,
            Long count, Date due) {

    static Mail aboutTask(Kind kind, String businessKey, String taskId) {
        return new Mail(kind, businessKey, taskId, null, null, null, null, null);
    }

    static Mail digest(Kind kind, String businessKey, String processInstanceIds) {
        return new Mail(kind, businessKey, null, processInstanceIds, null, null, null, null);
    }

    static Mail addressed(Kind kind, String businessKey, String addressee, String notice) {
        return new Mail(kind, businessKey, null, null, addressee, notice, null, null);
    }

    static Mail reviewRequest(String businessKey, String addressee, long count, Date due) {
        return new Mail(Kind.REVIEW_REQUEST, businessKey, null, null, addressee, null, count, due);
    }

    /** The variables of a `notification` instance: only the values this mail has. */
    Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("kind", kind.name());
        put(variables, "taskId", taskId);
        put(variables, "processInstanceIds", processInstanceIds);
        put(variables, "addressee", addressee);
        put(variables, "notice", notice);
        put(variables, "count", count);
        put(variables, "due", due);
        return variables;
    }

    static Mail of(VariableScope variables, String businessKey) {
        Object count = variables.getVariable("count");
        return new Mail(Kind.valueOf((String) variables.getVariable("kind")), businessKey,
                (String) variables.getVariable("taskId"), (String) variables.getVariable("processInstanceIds"),
                (String) variables.getVariable("addressee"), (String) variables.getVariable("notice"),
                count == null ? null : ((Number) count).longValue(), (Date) variables.getVariable("due"));
    }

    private static void put(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value);
        }
    }
}
