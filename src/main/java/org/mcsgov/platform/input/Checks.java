package org.mcsgov.platform.input;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.mcsgov.platform.Conflicts;
import org.mcsgov.platform.UserError;

/**
 * Which of the engine's commands carry something a person chose, and what each may carry. Commands are told apart
 * by their simple names, so that this class does not import the engine's internal command classes (a move to
 * Operaton keeps the names); every other command passes unchanged.
 */
final class Checks {

    private final TaskService tasks;
    private final IdentityService identity;
    private final RepositoryService repository;
    private final FormContracts contracts;

    Checks(TaskService tasks, IdentityService identity, RepositoryService repository, FormContracts contracts) {
        this.tasks = tasks;
        this.identity = identity;
        this.repository = repository;
        this.contracts = contracts;
    }

    void check(Object command, Authentication person) {
        switch (command.getClass().getSimpleName()) {
            case "CompleteTaskCmd", "ResolveTaskCmd" -> complete(command, person, "variables");
            case "SubmitTaskFormCmd" -> complete(command, person, "properties");
            case "StartProcessInstanceCmd" -> start(Fields.get(command, "instantiationBuilder"));
            case "SubmitStartFormCmd" -> submitStartForm(command);
            case "ClaimTaskCmd", "DelegateTaskCmd" -> task(command, checks -> checks.handOver(person, Fields.get(command, "userId")));
            case "AssignTaskCmd", "SetTaskOwnerCmd", "AddUserIdentityLinkCmd", "AddGroupIdentityLinkCmd" -> addLink(command, person);
            case "DeleteUserIdentityLinkCmd", "DeleteGroupIdentityLinkCmd" -> deleteLink(command, person);
            case "SaveTaskCmd" -> saveTask(Fields.get(command, "task"), person);
            case "AddCommentCmd", "CreateAttachmentCmd" -> comment(command, person);
            case "UpdateCommentCmd", "DeleteTaskCommentCmd", "DeleteProcessInstanceCommentCmd", "DeleteAttachmentCmd",
                 "SaveAttachmentCmd" -> administrator(person, "コメント・添付の変更と削除", "change or delete comments or attachments");
            case "SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd", "SetExecutionVariablesCmd",
                 "PatchExecutionVariablesCmd", "RemoveExecutionVariablesCmd" ->
                    administrator(person, "画面の項目以外での変数の変更", "write variables outside a form");
            case "StartProcessInstanceAtActivitiesCmd", "ModifyProcessInstanceCmd", "ProcessInstanceModificationCmd" ->
                    administrator(person, "手続きを途中から開始・変更すること", "start or move a procedure at a chosen step");
            case "CorrelateMessageCmd", "CorrelateAllMessageCmd" -> message(person, Fields.get(command, "builder"));
            case "MessageEventReceivedCmd" -> variablesWith(person, Fields.get(command, "processVariables"),
                    Fields.get(command, "processVariablesLocal"), Fields.get(command, "processVariablesToTriggeredScope"));
            case "SignalEventReceivedCmd" -> variablesWith(person, Fields.get(Fields.get(command, "builder"), "variables"));
            case "SignalCmd" -> variablesWith(person, Fields.get(command, "processVariables"));
            default -> {
                // reads and every command no person's choice reaches
            }
        }
    }

    private void complete(Object command, Authentication person, String field) {
        task(command, checks -> {
            Map<String, Object> sent = Fields.get(command, field);
            Map<String, Object> written = checks.completion(person, sent);
            if (written != sent) {
                Fields.set(command, field, field.equals("properties") ? Variables.fromMap(written) : written);
            }
        });
    }

    private void start(ProcessInstantiationBuilder builder) {
        String id = Fields.get(builder, "processDefinitionId");
        String definitionId = id != null ? id : latest(Fields.get(builder, "processDefinitionKey"));
        if (definitionId == null) {
            return; // the engine says the process does not exist
        }
        VariableMap sent = Fields.get(Fields.get(builder, "modificationBuilder"), "processVariables");
        Map<String, Object> written = started(definitionId, Fields.get(builder, "businessKey"), sent);
        if (written != sent) {
            sent.keySet().retainAll(written.keySet()); // unchanged read-only fields are not written
        }
    }

    private void submitStartForm(Object command) {
        VariableMap sent = Fields.get(command, "variables");
        Map<String, Object> written = started(Fields.get(command, "processDefinitionId"), Fields.get(command, "businessKey"), sent);
        if (written != sent) {
            Fields.set(command, "variables", Variables.fromMap(written));
        }
    }

    /** A start carries its start form's fields; the business key and the starter are the engine's to set. */
    private Map<String, Object> started(String definitionId, String businessKey, Map<String, Object> sent) {
        if (businessKey != null && !businessKey.isBlank()) {
            throw new UserError("業務キーは手続きが決めます。指定せずに開始してください",
                    "the business key is set by the procedure; start without one");
        }
        return sent == null || sent.isEmpty() ? sent
                : Submission.checked(contracts.start(definitionId), sent, name -> null);
    }

    private String latest(String key) {
        var definition = key == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return definition == null ? null : definition.getId();
    }

    private void addLink(Object command, Authentication person) {
        String type = Fields.get(command, "type");
        String user = Fields.get(command, "userId");
        task(command, checks -> {
            if (IdentityLinkType.ASSIGNEE.equals(type) || IdentityLinkType.OWNER.equals(type)) {
                checks.handOver(person, user);
            } else {
                checks.changeCandidates(person, Fields.get(command, "groupId"));
            }
        });
    }

    private void deleteLink(Object command, Authentication person) {
        String type = Fields.get(command, "type");
        if (!IdentityLinkType.ASSIGNEE.equals(type) && !IdentityLinkType.OWNER.equals(type)) {
            task(command, checks -> checks.changeCandidates(person, null)); // giving a task back is fine
        }
    }

    /** PUT /task/{id}: Tasklist sets due and follow-up dates this way; the assignee and owner obey the hand-off rule. */
    private void saveTask(Task changed, Authentication person) {
        Task stored = changed == null || changed.getId() == null ? null
                : tasks.createTaskQuery().taskId(changed.getId()).singleResult();
        TaskChecks checks = stored == null ? null : TaskChecks.of(tasks, identity, contracts, stored.getId());
        if (checks == null) {
            return; // a new task: the engine's CREATE permission decides
        }
        if (changed.getAssignee() != null && !changed.getAssignee().equals(stored.getAssignee())) {
            checks.handOver(person, changed.getAssignee());
        }
        if (changed.getOwner() != null && !changed.getOwner().equals(stored.getOwner())) {
            checks.handOver(person, changed.getOwner());
        }
    }

    private void comment(Object command, Authentication person) {
        if (Fields.get(command, "taskId") != null) {
            task(command, checks -> checks.comment(person));
        } else {
            administrator(person, "手続きへのコメント・添付", "comment on a whole procedure");
        }
    }

    private void message(Authentication person, Object builder) {
        variablesWith(person, Fields.get(builder, "payloadProcessInstanceVariables"),
                Fields.get(builder, "payloadProcessInstanceVariablesLocal"),
                Fields.get(builder, "payloadProcessInstanceVariablesToTriggeredScope"));
    }

    private static void variablesWith(Authentication person, Map<?, ?>... variables) {
        if (InputGate.hasAny(variables)) {
            administrator(person, "メッセージ・シグナルに変数を付けること", "send variables with a message or signal");
        }
    }

    private static void administrator(Authentication person, String japanese, String english) {
        if (!InputGate.isAdministrator(person)) {
            throw InputGate.administratorsOnly(japanese, english);
        }
    }

    private void task(Object command, java.util.function.Consumer<TaskChecks> check) {
        TaskChecks checks = TaskChecks.of(tasks, identity, contracts, Fields.get(command, "taskId"));
        if (checks == null) {
            return;
        }
        try {
            check.accept(checks);
        } catch (NullValueException gone) {
            // the task was there when read, and another person's action ended it before its links or variables were
            // read: the same answer as when the engine itself finds it gone (Conflicts), not the engine's text
            throw Conflicts.taskNoLongerOpen(gone);
        }
    }
}
