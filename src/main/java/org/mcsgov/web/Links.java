package org.mcsgov.web;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Links from a register page to where its processes live: the process instance in Cockpit, its open tasks in
 * Tasklist. The tasks are queried as the viewer, so the engine shows each person only the tasks it shows them in
 * Tasklist (the office all of them, read-only).
 */
@Component("links")
public class Links {

    /** Engine ids (UUIDs, or numbers in tests); the demo data's "demo-data" marker is not a process instance. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[0-9a-f-]+");
    private static final int MAX_TASKS = 50;
    private static final String COCKPIT = "/camunda/app/cockpit/";

    private final TaskService taskService;

    public Links(TaskService taskService) {
        this.taskService = taskService;
    }

    public static String cockpit(String processInstanceId) {
        return processInstanceId != null && INSTANCE_ID.matcher(processInstanceId).matches()
                ? COCKPIT + "default/#/process-instance/" + processInstanceId : null;
    }

    /** A link as a page shows it: a link into Cockpit only to a viewer Cockpit lets in ({@code cockpit}), else none. */
    public static String shown(String link, Boolean cockpit) {
        return link == null || !Boolean.TRUE.equals(cockpit) && link.startsWith(COCKPIT) ? null : link;
    }

    public static String tasklist(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** An open task as a page lists it. */
    public record OpenTask(String id, String name, String processInstanceId, String assignee, java.util.Date created,
                           java.util.Date due) {
        public String link() {
            return tasklist(id);
        }
    }

    /** The open tasks of these process instances that the viewer may see. */
    public List<OpenTask> tasksOf(Collection<String> processInstanceIds) {
        List<String> ids = processInstanceIds.stream().filter(Objects::nonNull)
                .filter(id -> INSTANCE_ID.matcher(id).matches()).distinct().toList();
        return ids.isEmpty() ? List.of() : open(taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new))
                .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS));
    }

    /** The open tasks of a facility's role groups that the viewer may see. */
    public List<OpenTask> tasksOfGroups(List<String> candidateGroups) {
        return open(taskService.createTaskQuery().taskCandidateGroupIn(candidateGroups).includeAssignedTasks()
                .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS));
    }

    private static List<OpenTask> open(List<Task> tasks) {
        return tasks.stream().map(t -> new OpenTask(t.getId(), t.getName(), t.getProcessInstanceId(), t.getAssignee(),
                t.getCreateTime(), t.getDueDate())).toList();
    }
}
