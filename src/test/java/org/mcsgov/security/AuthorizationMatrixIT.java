package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mcsgov.AppTestSupport;
import org.mcsgov.TestNames;

/** Role × action through REST, on the demo register (A7, A8-3, A11-2, A11-3, DESIGN.md §5). */
@DisplayName("authorization matrix through /engine-rest and /api")
class AuthorizationMatrixIT extends AppTestSupport {

    String instanceId;
    String taskId;

    @BeforeEach
    void consentWaitingForTheClinicCoordinator() {
        var started = post("clinic-coord", "/engine-rest/process-definition/key/patient-consent/start",
                variables(Map.of("patientName", "権限 確認", "patientKana", TestNames.kana(), "birthDate", "1940-01-01")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        instanceId = json(started).get("id").asText();
        var tasks = json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId));
        taskId = tasks.get(0).get("id").asText();
    }

    @ParameterizedTest(name = "{0} sees {1} task(s) of the clinic's consent")
    @CsvSource({"clinic-coord, 1", "clinic-admin, 0", "clinic-staff, 0", "nurse-admin, 0", "nurse-coord, 0",
            "pharm-admin, 0", "office, 1"})
    @DisplayName("A8-4/A7: each facility sees only its own tasks; the office reads all")
    void taskVisibility(String user, int expected) {
        assertThat(json(get(user, "/engine-rest/task?processInstanceId=" + instanceId)).size()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} opens every Tasklist filter it is shown")
    @CsvSource({"clinic-coord", "nurse-admin", "pharm-staff", "office"})
    @DisplayName("DESIGN §5: each user's inbox opens at once: every filter listed to them can be executed")
    void filtersOpen(String user) {
        JsonNode filters = json(get(user, "/engine-rest/filter?resourceType=Task"));
        assertThat(filters.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode filter : filters) {
            var count = get(user, "/engine-rest/filter/" + filter.get("id").asText() + "/count");
            assertThat(count.statusCode()).as(filter.get("name").asText() + ": " + count.body()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0} completing the clinic's task gets {1}")
    @CsvSource({"nurse-admin, 403", "pharm-admin, 403", "office, 403", "clinic-staff, 403"})
    @DisplayName("nobody outside the candidate group completes the task, the office included")
    void completeRefused(String user, int status) {
        var response = post(user, "/engine-rest/task/" + taskId + "/complete", variables(Map.of()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId)).size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} starting patient-consent gets {1}")
    @CsvSource({"clinic-coord, 200", "nurse-coord, 200", "clinic-staff, 403", "nurse-admin, 403", "office, 403",
            "clinic-mgr, 403"})
    @DisplayName("A5-1: only coordinators start the originating facility's procedures")
    void start(String user, int status) {
        var response = post(user, "/engine-rest/process-definition/key/patient-consent/start",
                variables(Map.of("patientName", "開始 確認", "patientKana", TestNames.kana(), "birthDate", "1941-01-01")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} may deploy: {1}")
    @CsvSource({"admin, true", "office, false", "clinic-admin, false", "clinic-coord, false"})
    @DisplayName("only the system administrator deploys")
    void deploy(String user, boolean allowed) {
        String password = "admin".equals(user) ? "admin1234" : DEMO_PASSWORD;
        var check = send(user, password, HttpRequest.newBuilder(URI.create(url(
                "/engine-rest/authorization/check?permissionName=CREATE&resourceName=Deployment&resourceType=9"))).GET());
        assertThat(json(check).get("authorized").asBoolean()).as(check.body()).isEqualTo(allowed);
    }

    @Test
    @DisplayName("the office reads every process instance in Cockpit; another facility does not")
    void cockpitReading() {
        assertThat(json(get("office", "/engine-rest/process-instance?processInstanceIds=" + instanceId)).size()).isEqualTo(1);
        assertThat(json(get("nurse-admin", "/engine-rest/process-instance?processInstanceIds=" + instanceId)).size()).isZero();
        String bpmn = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
                + "<process id=\"intruder\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
        var multipart = HttpRequest.newBuilder(URI.create(url("/engine-rest/deployment/create")))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"deployment-name\""
                        + "\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"intruder.bpmn\""
                        + "\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--b--\r\n"));
        var refused = send("office", DEMO_PASSWORD, multipart);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    }

    @Test
    @DisplayName("bad input through REST is a 400 with a Japanese and English message, and the task stays open")
    void badInputIs400() {
        var response = post("clinic-coord", "/engine-rest/task/" + taskId + "/complete",
                variables(Map.of("explanation", "説明", "consentDecision", "granted", "consenterType", "patient",
                        "consenterName", "", "consentMethod", "verbal", "consentDate", "2026-01-01")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("同意した人の氏名", "consenterName is required");
        assertThat(json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId)).size()).isEqualTo(1);
    }

    @Test
    @DisplayName("/engine-rest and /api require a login; a wrong password never gets in")
    void authenticationRequired() {
        assertThat(get(null, "/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(get(null, "/api/groups/1/members").statusCode()).isEqualTo(401);
        assertThat(send("care-staff", "wrong-password1", HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET())
                .statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("A11-3: weak passwords are refused; 5 failed logins lock the account, 4 do not")
    void passwordPolicyAndLockout() {
        var weak = createUser("onlyletters");
        assertThat(weak.body()).contains("Password does not match policy");
        var policy = json(send("admin", "admin1234", HttpRequest.newBuilder(URI.create(url(
                "/engine-rest/identity/password-policy"))).GET()));
        assertThat(policy.toString()).contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_DIGIT", "PASSWORD_POLICY_LETTER");
        String fourFailures = newUser();
        String fiveFailures = newUser();
        try {
            failLogins(fourFailures, 4);
            assertThat(login(fourFailures, "good1234")).isEqualTo(200);
            failLogins(fiveFailures, 5);
            assertThat(login(fiveFailures, "good1234")).isEqualTo(401);
        } finally {
            ClockUtil.reset();
        }
    }

    private String newUser() {
        String user = "lock" + UUID.randomUUID().toString().substring(0, 8);
        var created = createUser("good1234", user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        return user;
    }

    private java.net.http.HttpResponse<String> createUser(String password) {
        return createUser(password, "weak" + UUID.randomUUID().toString().substring(0, 8));
    }

    private java.net.http.HttpResponse<String> createUser(String password, String user) {
        return send("admin", "admin1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/create")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"" + user
                        + "\"},\"credentials\":{\"password\":\"" + password + "\"}}")));
    }

    /** Failed logins spaced beyond the login delay, so each one counts. */
    private void failLogins(String user, int count) {
        for (int attempt = 0; attempt < count; attempt++) {
            assertThat(login(user, "wrong" + attempt + "xxx")).isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
        }
    }

    private int login(String user, String password) {
        return send(user, password, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET()).statusCode();
    }
}
