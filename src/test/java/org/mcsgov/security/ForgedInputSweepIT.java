package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 as an attacker would try it, as a sweep generated from the deployed processes and forms: every demo user
 * starts every process they may start with a forged starter or facility, and every task they may work on is completed
 * with each variable its form does not ask for, and with each choice set to a value it did not offer. The findings of
 * the issue one by one: {@link ForgedInputIT}.
 */
@DisplayName("trust boundary through REST, swept: every demo user's starts and tasks, forged, are refused")
class ForgedInputSweepIT extends ForgedInputSupport {

    private static final List<String> PEOPLE = List.of("clinic-coord", "clinic-admin", "clinic-mgr", "clinic-staff",
            "nurse-coord", "nurse-admin", "nurse-mgr", "nurse-staff", "pharm-admin", "pharm-staff", "pharm-mgr",
            "care-admin", "care-staff", "care-mgr", "office");

    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("sweep: every start of every demo user with a forged starter or facility, every visible task with every non-form variable and every unoffered choice → 4xx, nothing changed")
    void sweep() {
        Set<String> keys = new HashSet<>();
        for (String person : PEOPLE) {
            for (JsonNode definition : json(get(person,
                    "/engine-rest/process-definition?latestVersion=true&startablePermissionCheck=true&startableInTasklist=true"))) {
                String key = definition.get("key").asText();
                for (String fact : List.of("initiator", "facilityId", "reporterUserId", "approvalApplicant")) {
                    assertRefused(post(person, "/engine-rest/process-definition/key/" + key + "/start",
                            variables(Map.of(fact, "clinic-admin"))), 400, fact);
                }
                var response = post(person, "/engine-rest/process-definition/key/" + key + "/start", variables(Map.of()));
                if (response.statusCode() == 200) {
                    keys.add(key);
                    started.add(json(response).get("id").asText());
                }
            }
        }
        assertThat(keys).as("processes started by the demo users").hasSizeGreaterThan(8);
        long register = registerRows();
        int attacks = 0;
        List<String> attacked = new ArrayList<>();
        for (String person : PEOPLE) {
            for (JsonNode task : json(get(person, "/engine-rest/task?candidateUser=" + person + "&includeAssignedTasks=true"))) {
                attacks += attackTask(person, task);
                attacked.add(task.get("taskDefinitionKey").asText());
            }
        }
        System.out.println("ATTACK " + attacks + " forged completions of " + attacked.size() + " tasks refused: " + new java.util.TreeSet<>(attacked));
        assertThat(attacks).isGreaterThan(50);
        assertThat(registerRows()).as("the register after every forged completion").isEqualTo(register);
    }


    /** Every variable the task holds outside its form, and every choice unoffered: refused with 400. */
    private int attackTask(String person, JsonNode task) {
        String id = task.get("id").asText();
        JsonNode form = json(get(person, "/engine-rest/task/" + id + "/deployed-form"));
        Set<String> fields = new HashSet<>();
        Set<String> choices = new HashSet<>();
        keys(form.path("components"), fields, choices);
        JsonNode held = json(get(person, "/engine-rest/task/" + id + "/variables?deserializeValues=false"));
        int attacks = 0;
        for (var names = held.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                assertRefused(post(person, "/engine-rest/task/" + id + "/complete", variables(Map.of(name, "clinic"))),
                        400, name);
                attacks++;
            }
        }
        for (String choice : choices) {
            assertRefused(post(person, "/engine-rest/task/" + id + "/complete", variables(Map.of(choice, "999999999"))),
                    400, choice);
            attacks++;
        }
        assertThat(get(person, "/engine-rest/task/" + id).statusCode()).as("task " + id + " still open").isEqualTo(200);
        return attacks;
    }

    private long registerRows() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM consent) + (SELECT COUNT(*) FROM membership)"
                + " + (SELECT COUNT(*) FROM decision_log) + (SELECT COUNT(*) FROM staff_suspension)"
                + " + (SELECT COUNT(*) FROM takeout) + (SELECT COUNT(*) FROM incident)").query(Long.class).single();
    }

}
