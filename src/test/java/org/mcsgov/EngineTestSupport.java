package org.mcsgov;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mcsgov.directory.DirectoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Process tests: the real engine and register (in-memory H2, or PostgreSQL with -Ppostgres), authorization on,
 * every call made as the person who would make it. Jobs are executed by the test; time moves with ClockUtil.
 * Process tests extend ProcessTestSupport (with coverage); benchmarks extend this class directly. Nothing else is
 * inherited: a test composes what it needs from fixture objects (Fixture, ConsentFixture, InvitationFixture, …) that
 * drive processes through the public methods below.
 */
@SpringBootTest
public abstract class EngineTestSupport {

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected IdentityService identityService;
    @Autowired protected DirectoryService directory;
    @Autowired private org.mcsgov.platform.input.InputGate inputGate;
    @Autowired private org.springframework.jdbc.core.simple.JdbcClient registerJdbc;
    @Autowired private org.springframework.context.ApplicationContext context;

    /** A bean of the application, for fixture objects that need a service the test itself does not. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The engine, for fixture objects (they drive processes through this test, see ConsentFixture). */
    public ProcessEngine engine() {
        return engine;
    }

    public DirectoryService directory() {
        return directory;
    }

    /** Process tests attack every task and start before they act (ForgedInput); benchmarks measure without it. */
    protected boolean attackInputs = false;

    private ForgedInput forged() {
        return new ForgedInput(engine, inputGate, registerJdbc);
    }

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetEngineState() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    /** Authenticates as the user with their Camunda groups, as the webapps and REST do. */
    public void as(String userId) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
    }

    public ProcessInstance start(String userId, String key, Map<String, Object> variables) {
        if (attackInputs) {
            forged().attackStart(key, variables, () -> as(userId));
        }
        as(userId);
        try {
            return runtimeService.startProcessInstanceByKey(key, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Completes the process instance's only open task the way the user does in Tasklist: claim, then complete. */
    public void complete(ProcessInstance instance, String userId, Map<String, Object> variables) {
        complete(singleTask(instance, userId), userId, variables);
    }

    /** Completes the task as the user does in Tasklist: claim (if nobody has it), then complete. */
    public void complete(Task task, String userId, Map<String, Object> variables) {
        as(userId);
        try {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), userId);
            }
            if (attackInputs) {
                forged().attackTask(task, userId, variables, () -> as(userId));
                as(userId);
            }
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** 承認 / 却下 / 差し戻し in the reusable approval, with the comment a rejection or a return needs. */
    public void decide(ProcessInstance instance, String approver, String decision, String comment) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("decision", decision));
        if (comment != null) {
            form.put("decisionComment", comment);
        }
        complete(instance, approver, form);
    }

    /** The first task of the instance (or of its called sub-processes) that the user can see. */
    public Task singleTask(ProcessInstance instance, String userId) {
        return visible(userId).stream().filter(t -> belongsTo(t, instance)).findFirst()
                .orElseThrow(() -> new AssertionError("no task of " + instance.getId() + " visible to " + userId));
    }

    public long visibleTasks(ProcessInstance instance, String userId) {
        return visible(userId).stream().filter(t -> belongsTo(t, instance)).count();
    }

    /** Tasks as the user's own query returns them, with the engine's authorization checks. */
    private List<Task> visible(String userId) {
        as(userId);
        try {
            return taskService.createTaskQuery().list();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private boolean belongsTo(Task task, ProcessInstance instance) {
        if (task.getProcessInstanceId().equals(instance.getId())) {
            return true;
        }
        var sub = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        return sub != null && runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processInstanceId(sub.getId()).count() > 0;
    }

    /** Runs every due job of the instance and its sub-processes (the job executor is off in process tests). */
    public void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list().stream()
                    .filter(j -> j.getProcessInstanceId() != null && (j.getProcessInstanceId().equals(instance.getId())
                            || runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                            .processInstanceId(j.getProcessInstanceId()).count() > 0))
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
    }

    /** Jobs of the whole tree (e.g. the MCS actions of removals called by a called process). */
    public List<Job> jobs(ProcessInstance root) {
        return engine.getManagementService().createJobQuery().executable().list().stream()
                .filter(j -> root.getId().equals(j.getRootProcessInstanceId())).toList();
    }

    /** Runs every due job of the tree; a job that an earlier one removed (an interrupted timer) is skipped. */
    public void runAllJobs(ProcessInstance root) {
        var management = engine.getManagementService();
        for (List<Job> jobs = jobs(root); !jobs.isEmpty(); jobs = jobs(root)) {
            jobs.stream().filter(j -> management.createJobQuery().jobId(j.getId()).count() > 0)
                    .forEach(j -> management.executeJob(j.getId()));
        }
    }

    /** Open tasks of the tree with this definition key. */
    public List<Task> tasks(ProcessInstance root, String key) {
        Set<String> instances = runtimeService.createProcessInstanceQuery().rootProcessInstanceId(root.getId()).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        return taskService.createTaskQuery().taskDefinitionKey(key).list().stream()
                .filter(t -> instances.contains(t.getProcessInstanceId())).toList();
    }

    /** The values of an option list a step set for a select field (Vars.options): what a person can choose. */
    public List<String> optionValues(ProcessInstance instance, String variable) {
        return org.camunda.spin.Spin.JSON(runtimeService.getVariable(instance.getId(), variable).toString()).elements()
                .stream().map(option -> option.prop("value").stringValue()).toList();
    }

    /** Every removal confirmed in MCS by the group's coordinator, as they would in Tasklist. */
    public void confirmRemovals(ProcessInstance root) {
        for (Task task : tasks(root, "Task_ConfirmMcsAction")) {
            as(task.getAssignee());
            try {
                taskService.complete(task.getId(), Map.of("mcsOutcome", "done"));
            } finally {
                identityService.clearAuthentication();
            }
        }
    }
}
