package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.mcsgov.AppTestSupport;

/**
 * What the forged-input tests through /engine-rest ({@link ForgedInputIT}: the findings one by one;
 * {@link ForgedInputSweepIT}: every demo user, every start and task) both need: a refusal that names what it refused,
 * and the instances they started removed again, since the other ITs share the application and its database.
 */
abstract class ForgedInputSupport extends AppTestSupport {

    /** The instances this class starts; the other ITs share the application and its database. */
    protected final List<String> started = new ArrayList<>();

    /** The invitation is cancelled as its coordinator would (its open row blocks another invitation); the rest deleted. */
    @AfterEach
    void leaveNothingOpen() {
        for (String instance : started) {
            JsonNode running = json(get("office", "/engine-rest/process-instance?processInstanceIds=" + instance));
            if (running.isEmpty()) {
                continue;
            }
            String key = running.get(0).path("businessKey").asText("");
            if (key.startsWith("invitation:")) {
                post("clinic-coord", "/api/invitations/" + key.substring("invitation:".length()) + "/cancel",
                        Map.of("reason", getClass().getSimpleName() + " の後始末"));
            }
            if (!json(get("office", "/engine-rest/process-instance?processInstanceIds=" + instance)).isEmpty()) {
                send("admin", "admin1234", HttpRequest.newBuilder(URI.create(url(
                        "/engine-rest/process-instance/" + instance + "?skipCustomListeners=true"))).DELETE());
            }
        }
    }

    /** The answer has that status and, where a name is given, names the variable or person refused. */
    protected static void assertRefused(HttpResponse<String> response, int status, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (named != null) {
            assertThat(response.body()).contains(named);
        }
    }

    /** The writable keys of a form (Camunda Form JSON, nested components included) and those that choose among values. */
    static void keys(JsonNode components, Set<String> fields, Set<String> choices) {
        for (JsonNode component : components) {
            keys(component.path("components"), fields, choices);
            if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)) {
                fields.add(component.get("key").asText());
                if (component.has("valuesKey")) {
                    choices.add(component.get("key").asText());
                }
            }
        }
    }
}
