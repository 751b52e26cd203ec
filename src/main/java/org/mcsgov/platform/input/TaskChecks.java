package org.mcsgov.platform.input;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * A person's actions on one task: what a completion may carry, who may complete, to whom a task may be handed,
 * who may comment. Facts about the task are read as the system (the person may not read its identity links).
 */
final class TaskChecks {

    private final TaskService tasks;
    private final IdentityService identity;
    private final FormContracts contracts;
    private final String taskId;
    private final Task task;

    private TaskChecks(TaskService tasks, IdentityService identity, FormContracts contracts, String taskId, Task task) {
        this.tasks = tasks;
        this.identity = identity;
        this.contracts = contracts;
        this.taskId = taskId;
        this.task = task;
    }

    /** Null when the task does not exist: the engine then says so itself. */
    static TaskChecks of(TaskService tasks, IdentityService identity, FormContracts contracts, String taskId) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        return task == null ? null : new TaskChecks(tasks, identity, contracts, taskId, task);
    }

    /**
     * A completion: only by the assignee, a candidate or the system administrator (a hand-off is no approval),
     * carrying only the fields of the task's form; returns what is to be written (unchanged read-only fields left
     * out).
     */
    Map<String, Object> completion(Authentication person, Map<String, Object> sent) {
        String user = person.getUserId();
        // the system administrator may complete a stuck task as an operator's repair; the steps' role checks still apply
        if (!user.equals(task.getAssignee()) && !candidate(user, person.getGroupIds())
                && !InputGate.isAdministrator(person)) {
            throw new AuthorizationException("このタスクを完了できるのは担当者と候補のグループの人だけです / only the assignee "
                    + "or a member of the task's candidate groups may complete task " + taskId + " (" + user + ")");
        }
        FormContract contract = task.getProcessDefinitionId() == null ? FormContract.none("task " + taskId)
                : contracts.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        return sent == null || sent.isEmpty() ? sent : Submission.checked(contract, sent, name -> tasks.getVariable(taskId, name));
    }

    /** Claim, assign, delegate, owner: only to nobody, or to a candidate of the task. */
    void handOver(Authentication person, String newUser) {
        if (newUser == null || newUser.equals(task.getAssignee()) || candidate(newUser, groupsOf(newUser))) {
            return;
        }
        throw new AuthorizationException("タスクを渡せるのは、このタスクの候補のグループの人だけです: " + newUser
                + " / task " + taskId + " can be handed only to a member of its candidate groups, not " + newUser
                + " (by " + person.getUserId() + ")");
    }

    /** Candidate users and groups are the process's to set; an administrator may add groups of the same facility. */
    void changeCandidates(Authentication person, String groupId) {
        if (InputGate.isAdministrator(person) && (groupId == null || sameFacility(groupId))) {
            return;
        }
        throw new AuthorizationException("タスクの候補（グループ・ユーザー）は手続きが決めます。変更できるのはシステム管理者だけで、"
                + "他の事業所のグループは追加できません / only a system administrator may change task " + taskId
                + "'s candidates, and only within the task's facility");
    }

    /** Comments are part of the record: by those who work on the task. */
    void comment(Authentication person) {
        if (InputGate.isAdministrator(person) || person.getUserId().equals(task.getAssignee())
                || candidate(person.getUserId(), person.getGroupIds())) {
            return;
        }
        throw new AuthorizationException("コメント・添付はこのタスクの担当者と候補の人だけが追加できます / only the assignee and "
                + "candidates of task " + taskId + " may add comments or attachments");
    }

    private boolean candidate(String user, List<String> groups) {
        for (IdentityLink link : links()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    /** A group id "<facility>-<role>" belongs to the facility of one of the task's candidate groups. */
    private boolean sameFacility(String groupId) {
        return links().stream().map(IdentityLink::getGroupId).filter(g -> g != null && g.contains("-"))
                .anyMatch(g -> groupId.startsWith(g.substring(0, g.lastIndexOf('-') + 1)));
    }

    private List<IdentityLink> links() {
        return tasks.getIdentityLinksForTask(taskId);
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
}
