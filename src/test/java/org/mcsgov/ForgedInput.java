package org.mcsgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.mcsgov.platform.input.FormContract;
import org.mcsgov.platform.input.InputGate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attacker inside every process test (issue 12): before a test completes a task or starts a process as a
 * person, the same person first tries it with every variable the process holds that the form does not ask for set
 * to another facility's or person's value, and with every choice set to a value that was not offered; each try must
 * be refused and leave the task, its variables and the register as they were. Generated from the deployed models and
 * forms, so every user task the process tests reach (all of them: ProcessCoverageIT) is attacked, a new one too.
 * Each task (and start) is attacked once per test run, which keeps the suite's time.
 */
public final class ForgedInput {

    /** Another facility and another person than any fixture's. */
    static final String OTHER_FACILITY = "forged-facility";
    static final String OTHER_PERSON = "forged-person";
    private static final Set<String> ATTACKED = ConcurrentHashMap.newKeySet();

    private final ProcessEngine engine;
    private final InputGate gate;
    private final JdbcClient jdbc;

    ForgedInput(ProcessEngine engine, InputGate gate, JdbcClient jdbc) {
        this.engine = engine;
        this.gate = gate;
        this.jdbc = jdbc;
    }

    /** Attacks the task as the user who is about to complete it with the form's variables. */
    void attackTask(Task task, String userId, Map<String, Object> form, Runnable asUser) {
        if (task.getProcessDefinitionId() == null
                || !ATTACKED.add(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey())) {
            return;
        }
        FormContract contract = gate.taskContract(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        var taskService = engine.getTaskService();
        Map<String, Object> held = taskService.getVariables(task.getId());
        Map<String, String> before = texts(held);
        long register = registerRows();
        for (var variable : held.entrySet()) {
            if (contract.writable().contains(variable.getKey())) {
                continue;
            }
            Map<String, Object> forged = new HashMap<>(form);
            forged.put(variable.getKey(), forgedValue(variable.getKey(), variable.getValue()));
            refused(() -> complete(task, forged, asUser), contract.name() + " with " + variable.getKey());
        }
        for (var choice : contract.choices().entrySet()) {
            Map<String, Object> forged = new HashMap<>(form);
            forged.put(choice.getKey(), "999999999");
            refused(() -> complete(task, forged, asUser), contract.name() + " with an unoffered " + choice.getKey());
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();
        assertThat(texts(taskService.getVariables(task.getId()))).as("variables of " + contract.name()).isEqualTo(before);
        assertThat(registerRows()).as("register rows after forged completions of " + contract.name()).isEqualTo(register);
    }

    /** Attacks a start: the starter and the facility are the engine's and the register's, never the caller's. */
    void attackStart(String key, Map<String, Object> form, Runnable asUser) {
        if (!ATTACKED.add(key + "#start")) {
            return;
        }
        var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        FormContract contract = gate.startContract(definition.getId());
        long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
        long register = registerRows();
        for (String fact : new String[] {"initiator", "facilityId", "userId", "staffId", "approvalApplicant"}) {
            if (contract.writable().contains(fact)) {
                continue;
            }
            Map<String, Object> forged = new HashMap<>(form);
            forged.put(fact, forgedValue(fact, "x"));
            refused(() -> start(key, forged, null, asUser), key + " started with " + fact);
        }
        refused(() -> start(key, form, "patient:1", asUser), key + " started with a business key");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("instances").isEqualTo(instances);
        assertThat(registerRows()).as("register rows after forged starts of " + key).isEqualTo(register);
    }

    /** Variables as text: JSON values are compared by their content. */
    private static Map<String, String> texts(Map<String, Object> variables) {
        Map<String, String> texts = new java.util.TreeMap<>();
        variables.forEach((name, value) -> texts.put(name, String.valueOf(value)));
        return texts;
    }

    private void complete(Task task, Map<String, Object> variables, Runnable asUser) {
        asUser.run();
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void start(String key, Map<String, Object> variables, String businessKey, Runnable asUser) {
        asUser.run();
        try {
            engine.getRuntimeService().startProcessInstanceByKey(key, businessKey, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static void refused(Runnable attempt, String what) {
        assertThatThrownBy(attempt::run).as(what).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(" / "); // a refusal with its Japanese and English message, not a crash
    }

    /** Another facility's or person's value of the same kind. */
    static Object forgedValue(String name, Object value) {
        String lower = name.toLowerCase();
        if (value instanceof Boolean flag) {
            return !flag;
        }
        if (value instanceof Number number) {
            return number.longValue() + 1_000_003L;
        }
        if (lower.contains("facility")) {
            return OTHER_FACILITY;
        }
        if (lower.contains("group") && !lower.endsWith("id")) {
            return OTHER_FACILITY + "-admin";
        }
        return lower.endsWith("id") && value != null && value.toString().matches("\\d+")
                ? String.valueOf(Long.parseLong(value.toString()) + 1_000_003L) : OTHER_PERSON;
    }

    /** Every row of the register (our tables, not the engine's): one number that any write would change. */
    private long registerRows() {
        return jdbc.sql(REGISTER_ROWS).query(Long.class).single();
    }

    private static final String REGISTER_ROWS = "SELECT " + String.join(" + ", java.util.stream.Stream.of("facility",
            "staff", "role_assignment", "patient", "consent", "patient_group", "membership", "decision_log", "invitation",
            "coordinator_history", "pledge", "staff_suspension", "membership_suspension", "security_training",
            "training_attendance", "password_attestation", "device", "device_state", "device_check", "device_loan",
            "takeout", "incident", "incident_action", "incident_notice", "review_campaign", "group_review",
            "review_decision").map(table -> "(SELECT COUNT(*) FROM " + table + ")").toList());
}
