package org.mcsgov.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.mcsgov.platform.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The association's people in QuarterBenchmark: each open task is done by its assignee, or else by a member of a
 * candidate group, with the answer a person usually gives, some days after it appeared (reviews within two weeks,
 * trainings within seven weeks, attestations within ten days: a few are reminded or escalated, as in life; anything
 * else at once).
 * Tasks of a kind not listed here stay open and are counted.
 */
final class QuarterPeople {

    /** Completes a task as the user does in Tasklist (EngineTestSupport.complete: claim, then complete). */
    interface Completer {
        void complete(Task task, String userId, Map<String, Object> variables);
    }

    private final TaskService taskService;
    private final IdentityService identityService;
    private final RepositoryService repositoryService;
    private final JdbcTemplate jdbc;
    private final Completer completer;
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, Long> done = new TreeMap<>();
    private final Map<String, Long> left = new TreeMap<>();

    QuarterPeople(ProcessEngine engine, JdbcTemplate jdbc, Completer completer) {
        this.jdbc = jdbc;
        this.taskService = engine.getTaskService();
        this.identityService = engine.getIdentityService();
        this.repositoryService = engine.getRepositoryService();
        this.completer = completer;
    }

    /** Does every open task whose time has come; returns how many were done. */
    int work() {
        int count = 0;
        Instant now = EngineClock.now();
        for (Task task : taskService.createTaskQuery().active().list()) {
            String kind = kind(task);
            Map<String, Object> answer = answer(kind, task);
            if (answer == null || task.getCreateTime().toInstant().plus(delay(kind, task)).isAfter(now)) {
                continue;
            }
            String user = person(task);
            if (user != null) {
                completer.complete(task, user, answer);
                done.merge(kind, 1L, Long::sum);
                count++;
            }
        }
        return count;
    }

    /** Tasks done, by process definition and task. */
    Map<String, Long> done() {
        return done;
    }

    /** Open tasks at the end, by process definition and task. */
    Map<String, Long> open() {
        left.clear();
        taskService.createTaskQuery().list().forEach(t -> left.merge(kind(t), 1L, Long::sum));
        return left;
    }

    /** Process definition key and task, e.g. approval/UserTask_Decide (a long key's definition id is a UUID). */
    private String kind(Task task) {
        return keys.computeIfAbsent(task.getProcessDefinitionId(),
                id -> repositoryService.getProcessDefinition(id).getKey()) + "/" + task.getTaskDefinitionKey();
    }

    /** How long after its creation the person answers: spread by the task's id, the same on every pass. */
    private static Duration delay(String kind, Task task) {
        int spreadDays = switch (kind) {
            case "membership-review-group/UserTask_Review" -> 14;
            case "security-training-facility/UserTask_Record" -> 50;
            case "password-attestation-person/UserTask_Attest" -> 10;
            default -> 0;
        };
        return spreadDays == 0 ? Duration.ZERO : Duration.ofHours(Math.floorMod(task.getId().hashCode(), spreadDays * 24));
    }

    private Map<String, Object> answer(String kind, Task task) {
        Map<String, Object> form = new HashMap<>();
        switch (kind) {
            case "approval/UserTask_Decide" -> form.put("decision", "approve");
            case "group-invitation/UserTask_InviteeDecision" -> form.put("inviteeDecision", "accept");
            case "mcs-action/Task_ConfirmMcsAction" -> form.put("mcsOutcome", "done");
            case "staff-onboarding/UserTask_SignPledge" -> {
                form.put("pledgeDecision", "signed");
                form.put("signerName", "新人 職員");
            }
            case "staff-onboarding/UserTask_ConfirmPledgeOnRecord" -> form.put("onRecordDecision", "confirmed");
            case "staff-onboarding/UserTask_Profile" -> {
                form.put("displayName", "新人 職員（看護師）");
                form.put("profession", "看護師");
                form.put("photoRef", "写真-001");
                form.put("initialPassword", "start2027x");
            }
            case "staff-offboarding/UserTask_AcknowledgePledge" -> {
                form.put("acknowledgedBy", "admin");
                form.put("pledgeAcknowledged", true);
            }
            case "security-training-facility/UserTask_Record" -> {
                form.put("trainingDate", EngineClock.today().toString());
                form.put("trainingContent", "パスワード管理、端末の取扱い、ログアウト");
                form.put("attendeeIds", attendees(task));
            }
            case "security-training-facility/UserTask_Escalation", "password-attestation-person/UserTask_Escalation" ->
                    form.put("followUp", "本人と実施日を決めた");
            case "password-attestation-person/UserTask_Attest" -> {
                form.put("passwordChanged", true);
                form.put("passwordSecret", true);
                form.put("logsOut", true);
            }
            case "membership-review-group/UserTask_Review", "membership-review-group/UserTask_Escalated" ->
                    form.put("keepIds", keepEveryone(task));
            case "staff-reconciliation/UserTask_Compare" -> form.put("staffListCompared", true);
            default -> {
                return null;
            }
        }
        return form;
    }

    /**
     * Everyone of the facility attends but one in seven (the untrained are listed by the process). The checklist
     * was made at the campaign's start: whoever left since is not ticked (the record's check refuses them).
     */
    private Object attendees(Task task) {
        List<String> active = jdbc.queryForList("SELECT CAST(id AS VARCHAR(20)) FROM staff WHERE status = 'ACTIVE'",
                String.class);
        List<String> ids = Spin.JSON(taskService.getVariable(task.getId(), "staffOptions").toString()).elements()
                .stream().map(option -> option.prop("value").stringValue()).filter(active::contains).toList();
        List<String> attending = ids.stream().filter(id -> ids.size() < 2 || Math.floorMod(id.hashCode(), 7) != 0)
                .toList();
        return json(attending);
    }

    /** The reviewer keeps every member: removals happen during the quarter, through membership-removal. */
    private Object keepEveryone(Task task) {
        Object listed = taskService.getVariable(task.getId(), "reviewMemberIds");
        List<String> ids = listed == null || listed.toString().isBlank() ? List.of()
                : Arrays.asList(listed.toString().split(","));
        return json(ids);
    }

    private static Object json(List<String> ids) {
        return SpinValues.jsonValue(ids.stream().map(id -> "\"" + id + "\"").toList().toString()).create();
    }

    /** The assignee, or the first member of a candidate group (or a candidate user). */
    private String person(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                return link.getUserId();
            }
            var members = identityService.createUserQuery().memberOfGroup(link.getGroupId()).listPage(0, 1);
            if (!members.isEmpty()) {
                return members.get(0).getId();
            }
        }
        return null;
    }
}
