package org.mcsgov.platform;

import org.springframework.stereotype.Component;

/**
 * The deadline path of the tasks the policy gives no deadline (issue 13: no process waits for ever): an event
 * sub-process "未完了タスクの催促" reminds whoever has the instance's open tasks on this cycle (ISO-8601, e.g. R/P3D:
 * every three days from the start) until the instance ends. Read by the BPMN as ${taskDeadlines.reminderCycle}.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private final String reminderCycle;

    public TaskDeadlines(TaskReminderProperties settings) {
        this.reminderCycle = settings.taskReminderCycle();
    }

    public String getReminderCycle() {
        return reminderCycle;
    }
}
