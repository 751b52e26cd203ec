package org.mcsgov.grouplife;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.mcsgov.platform.TaskGrants;
import org.springframework.stereotype.Component;

/**
 * A procedure's open tasks when its group changes hands (N1-4): the successor takes the outgoing coordinator's tasks,
 * and when the group moves to another facility the receiving facility's group of the same role replaces the sending
 * facility's as candidate. The engine keeps the grant it gave when a task was assigned or a candidate added, even
 * after the assignee or the candidate changes; those grants are removed here, or the outgoing coordinator and the
 * sending facility would go on reading the moved group's members and requests (least knowledge). The procedure's
 * business key reaches the tasks of its called processes (approval, mcs-action) too.
 */
@Component
class MovedTasks {

    private final TaskService tasks;
    private final TaskGrants grants;

    MovedTasks(TaskService tasks, TaskGrants grants) {
        this.tasks = tasks;
        this.grants = grants;
    }

    /** The outgoing coordinator's tasks of the procedure go to the successor. */
    void reassign(String businessKey, String outgoing, String successor) {
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskAssignee(outgoing).list()) {
            tasks.setAssignee(task.getId(), successor);
            grants.revokeUser(task.getId(), outgoing);
        }
    }

    /** The sending facility's group, where it is a candidate, is replaced by the receiving facility's. */
    void replaceCandidate(String businessKey, String sending, String receiving) {
        // claimed tasks too: a claim does not remove the candidate group, and the group would get the task back
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskCandidateGroup(sending)
                .includeAssignedTasks().list()) {
            tasks.deleteCandidateGroup(task.getId(), sending);
            grants.revokeGroup(task.getId(), sending);
            tasks.addCandidateGroup(task.getId(), receiving);
        }
    }
}
