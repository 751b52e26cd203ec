package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every user task of every deployed process, attacked through /engine-rest by a facility user of the demo (issue 12):
 * the system administrator places one instance of the process at the task (a start at the task, which only the
 * administrator may do), with the variables its expressions need pointing at the station's MCS administrator; that
 * person then completes the task with each variable the instance holds outside the task's form set to another
 * facility's value, and with each choice set to a value that was not offered — every try must be refused with 400 and
 * the task stay open. Generated from the deployed models and forms: a new process or task is attacked without a test.
 */
@DisplayName("every user task of every process: forged variables and unoffered choices refused through REST")
class EveryTaskForgedIT extends AppTestSupport {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin1234";
    private static final String PERSON = "nurse-admin";
    private static final Pattern SIMPLE = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");

    @Test
    void everyTask() throws Exception {
        List<String> attacked = new ArrayList<>();
        int tries = 0;
        var definitions = admin("GET", "/engine-rest/process-definition?latestVersion=true", null);
        assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
        assertThat(json(definitions).size()).as("deployed processes").isGreaterThan(25);
        for (JsonNode definition : json(definitions)) {
            Document model = model(definition.get("id").asText());
            Map<String, Object> seeds = seeds(model);
            NodeList tasks = model.getElementsByTagNameNS("*", "userTask");
            for (int i = 0; i < tasks.getLength(); i++) {
                String taskKey = ((Element) tasks.item(i)).getAttribute("id");
                String instance = placedAt(definition.get("key").asText(), taskKey, seeds);
                try {
                    tries += attack(instance, taskKey);
                    attacked.add(definition.get("key").asText() + "/" + taskKey);
                } finally {
                    admin("DELETE", "/engine-rest/process-instance/" + instance + "?skipCustomListeners=true", null);
                }
            }
        }
        System.out.println("ATTACK-EVERY-TASK " + tries + " forged completions of " + attacked.size()
                + " user tasks refused: " + new TreeSet<>(attacked));
        long userTasks = 0;
        for (JsonNode definition : json(definitions)) {
            userTasks += model(definition.get("id").asText()).getElementsByTagNameNS("*", "userTask").getLength();
        }
        assertThat(userTasks).as("user tasks in the deployed models").isGreaterThan(40);
        assertThat(attacked).as("every user task of every process").hasSize((int) userTasks);
        assertThat(tries).isGreaterThanOrEqualTo(attacked.size());
    }

    /** Each variable outside the task's form, and each unoffered choice: 400, the task still open. */
    private int attack(String instance, String taskKey) {
        JsonNode task = json(admin("GET", "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
                + taskKey, null)).get(0);
        assertThat(task).as("task " + taskKey + " placed").isNotNull();
        String id = task.get("id").asText();
        String person = worker(task);
        Set<String> fields = new HashSet<>();
        Set<String> choices = new HashSet<>();
        ForgedInputSupport.keys(json(get(person, "/engine-rest/task/" + id + "/deployed-form")).path("components"),
                fields, choices);
        int tries = 0;
        for (var names = json(get(person, "/engine-rest/task/" + id + "/variables?deserializeValues=false")).fieldNames();
             names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                var refused = post(person, "/engine-rest/task/" + id + "/complete", variables(Map.of(name, "clinic")));
                assertThat(refused.statusCode()).as(taskKey + " with " + name + ": " + refused.body()).isEqualTo(400);
                tries++;
            }
        }
        for (String choice : choices) {
            var refused = post(person, "/engine-rest/task/" + id + "/complete", variables(Map.of(choice, "999999999")));
            assertThat(refused.statusCode()).as(taskKey + " with " + choice + ": " + refused.body()).isEqualTo(400);
            tries++;
        }
        assertThat(get(person, "/engine-rest/task/" + id).statusCode()).as(taskKey + " still open").isEqualTo(200);
        return tries;
    }

    /**
     * The demo user who works on the task: its assignee, else a member of its first candidate group (the seeds make
     * that the station's MCS administrator wherever the model names the group by a variable; the office where the
     * model names it).
     */
    private String worker(JsonNode task) {
        if (task.hasNonNull("assignee")) {
            return task.get("assignee").asText();
        }
        for (JsonNode link : json(admin("GET", "/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate", null))) {
            if (link.hasNonNull("userId")) {
                return link.get("userId").asText();
            }
            JsonNode members = json(admin("GET", "/engine-rest/user?memberOfGroup=" + link.get("groupId").asText(), null));
            if (!members.isEmpty()) {
                return members.get(0).get("id").asText();
            }
        }
        throw new AssertionError("nobody works on task " + task.get("taskDefinitionKey").asText());
    }

    /** The administrator starts the process at the task (the only way to reach it without the steps before it). */
    private String placedAt(String key, String taskKey, Map<String, Object> seeds) {
        Map<String, Object> body = new LinkedHashMap<>(variables(seeds));
        body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", taskKey)));
        var started = admin("POST", "/engine-rest/process-definition/key/" + key + "/start", body);
        assertThat(started.statusCode()).as(key + "/" + taskKey + " placed: " + started.body()).isEqualTo(200);
        return json(started).get("id").asText();
    }

    /**
     * Values for the variables the model's task attributes and timers name directly (${name}): people and groups the
     * station's MCS administrator, dates a day ahead, durations a day, cycles daily. Facts a person should never
     * write; the attack forges each of them.
     */
    private static Map<String, Object> seeds(Document model) {
        Map<String, Object> seeds = new LinkedHashMap<>();
        NodeList tasks = model.getElementsByTagNameNS("*", "userTask");
        String tomorrow = OffsetDateTime.now().plusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            seed(seeds, task.getAttribute("camunda:assignee"), PERSON);
            seed(seeds, task.getAttribute("camunda:candidateGroups"), PERSON);
            seed(seeds, task.getAttribute("camunda:dueDate"), tomorrow);
        }
        for (String timer : List.of("timeDate", "timeDuration", "timeCycle")) {
            NodeList definitions = model.getElementsByTagNameNS("*", timer);
            for (int i = 0; i < definitions.getLength(); i++) {
                seed(seeds, definitions.item(i).getTextContent().strip(),
                        timer.equals("timeDate") ? tomorrow : timer.equals("timeDuration") ? "P1D" : "R/P1D");
            }
        }
        return seeds;
    }

    private static void seed(Map<String, Object> seeds, String expression, Object value) {
        Matcher simple = SIMPLE.matcher(expression == null ? "" : expression.strip());
        if (simple.matches()) {
            seeds.putIfAbsent(simple.group(1), value);
        }
    }

    /** The deployed model, parsed namespace-aware: elements found by local name, attributes by qualified name. */
    private Document model(String definitionId) throws Exception {
        String xml = json(admin("GET", "/engine-rest/process-definition/" + definitionId + "/xml", null))
                .get("bpmn20Xml").asText();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private java.net.http.HttpResponse<String> admin(String method, String path, Object body) {
        var request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json");
        String json = body == null ? null : writeJson(body);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(ADMIN, ADMIN_PASSWORD, request);
    }

    private static String writeJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
