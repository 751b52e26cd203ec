package org.mcsgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.mcsgov.invitation.InvitationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Boot integration tests (*IT): the whole application on a real port, with the demo register, on its own
 * H2 file (or PostgreSQL with -Ppostgres), driven through HTTP as its users would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mcs.demo.enabled=true", "mcs.demo.password=" + AppTestSupport.DEMO_PASSWORD,
        "camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=admin1234",
        "camunda.bpm.job-execution.enabled=true", "mcs.mail.drain-every=2s",
        // the tests' own key for the second factor's secrets (the demo has another, production its environment's)
        "mcs.totp.key=HuC9bbaJGd+ERpXrqXrE/cJ9ph5o0/IMen33aqDhXVA=",
        // every test calls from 127.0.0.1 and some fail logins on purpose: the address throttle is tested on its own
        // (LoginThrottleIT) and must not slow the others down
        "mcs.login-throttle.max-failures=100000",
        // Spring Boot's tests switch metrics export off; /actuator/prometheus is part of what operations rely on
        "management.prometheus.metrics.export.enabled=true"})
public abstract class AppTestSupport {

    public static final String DEMO_PASSWORD = "demo1234";
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Long> invitationsRequested = new ArrayList<>();
    @Autowired
    private InvitationService invitationRegister;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh("app").forEach((key, value) -> registry.add(key, () -> value));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected HttpResponse<String> get(String user, String path) {
        return send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    protected HttpResponse<String> post(String user, String path, Object body) {
        return send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    protected HttpResponse<String> send(String user, String password, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return exchange(HTTP, request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of a select option, by a part of its label, from a form variable of the task (a JSON list). */
    protected String option(String user, String taskId, String variable, String labelPart) {
        JsonNode options = json(get(user, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false"
                + "&variableNames=" + variable)).get(variable).get("value");
        try {
            JsonNode list = options.isTextual() ? JSON.readTree(options.asText()) : options;
            return StreamSupport.stream(list.spliterator(), false)
                    .filter(o -> o.get("label").asText().contains(labelPart)).findFirst().orElseThrow()
                    .get("value").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every test invites the demo's 中村 愛 into 山田 太郎様's group, and the register admits one open invitation per
     * person and group: a test that fails half-way must not leave its invitation open and fail every later one.
     */
    @AfterEach
    void withdrawInvitationsLeftOpen() {
        for (long id : invitationsRequested) {
            eventually("invitation " + id + " withdrawn after the test", () -> {
                if (!invitationRegister.invitation(id).orElseThrow().isOpen()) {
                    return Optional.of(id);
                }
                post("clinic-coord", "/api/invitations/" + id + "/cancel", Map.of("reason", "試験の後片付け"));
                return Optional.empty(); // read again: the withdrawal waits for the step the job is running
            });
        }
        invitationsRequested.clear();
    }

    /** The clinic's coordinator invites 中村 愛 (the visiting nurse station) into 山田 太郎様's group: the invitation id. */
    protected long requestInvitation() {
        var started = post("clinic-coord", "/engine-rest/process-definition/key/group-invitation/start",
                variables(java.util.Map.of()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json(started).get("id").asText();
        String taskId = json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId)).get(0).get("id").asText();
        var submitted = post("clinic-coord", "/engine-rest/task/" + taskId + "/complete", variables(java.util.Map.of(
                "groupId", option("clinic-coord", taskId, "groupOptions", "山田 太郎様"),
                "inviteeStaffId", option("clinic-coord", taskId, "staffOptions", "中村 愛"),
                "reason", "訪問看護の記録を共有するため", "requestAction", "submit")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        String businessKey = json(get("office", "/engine-rest/process-instance/" + instanceId)).get("businessKey").asText();
        long invitation = Long.parseLong(businessKey.substring("invitation:".length()));
        invitationsRequested.add(invitation);
        return invitation;
    }

    /** The administrators' approval task of an invitation, once the job executor has reached it (asynchronous). */
    protected JsonNode invitationApprovalTask(long invitation) {
        return eventually("the approval task of invitation " + invitation, () -> StreamSupport.stream(json(get(
                "nurse-admin", "/engine-rest/task?taskDefinitionKey=UserTask_Decide&processInstanceBusinessKey=invitation:"
                        + invitation)).spliterator(), false).findFirst());
    }

    /** Polls every 0.5 s, up to 60 s, until the probe finds something: the jobs between the steps run asynchronously. */
    protected static <T> T eventually(String what, java.util.function.Supplier<java.util.Optional<T>> probe) {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        for (java.util.Optional<T> found = probe.get(); ; found = probe.get()) {
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 60 s for " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A browser-like client with its own session (cookies). */
    protected HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /**
     * A form POST to the webapps as the browser sends it: after a page load, which hands out the session's
     * XSRF-TOKEN cookie (a login starts a new session), with that token in X-XSRF-TOKEN.
     */
    protected int webappPost(HttpClient browser, String path, String form) {
        return webappPostAnswer(browser, path, form).statusCode();
    }

    /** {@link #webappPost} with the whole answer (a refused login's message). */
    protected HttpResponse<String> webappPostAnswer(HttpClient browser, String path, String form) {
        exchange(browser, HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/"))).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        return exchange(browser, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The Tasklist login form. */
    protected int webappLogin(HttpClient browser, String user, String password) {
        return webappPost(browser, "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + user + "&password=" + password);
    }

    private static <T> HttpResponse<T> exchange(HttpClient client, HttpRequest request,
                                                HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Camunda REST variables: {"name": {"value": v}}. */
    protected static java.util.Map<String, Object> variables(java.util.Map<String, Object> values) {
        var result = new java.util.LinkedHashMap<String, Object>();
        values.forEach((key, value) -> result.put(key, java.util.Map.of("value", value)));
        return java.util.Map.of("variables", result);
    }
}
