package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.springframework.beans.factory.annotation.Autowired;

/** A suspended person's REST login is refused at once and works again after the lift (N2-2). */
@DisplayName("user-suspension through REST: login refused while suspended; attestation history access")
class SuspensionApiIT extends AppTestSupport {

    @Autowired DirectoryService directory;

    private java.net.http.HttpResponse<String> getAs(String user, String path) {
        return send(user, Fixture.PASSWORD, HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    private java.net.http.HttpResponse<String> postAs(String user, String path, Object body) throws Exception {
        return send(user, Fixture.PASSWORD, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private int status(String user, String path) {
        return getAs(user, path).statusCode();
    }

    private void completeOnlyTask(String user, String instanceId, Map<String, Object> values) throws Exception {
        String taskId = json(getAs(user, "/engine-rest/task?processInstanceId=" + instanceId)).get(0).get("id").asText();
        var response = postAs(user, "/engine-rest/task/" + taskId + "/complete", variables(values));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** N2-2: the stop (or its lifting) in MCS, asked by the job executor in a called mcs-action, confirmed by the
     * administrator it is assigned to (each test has its own facility and administrator). */
    private void confirmInMcs(String user) throws Exception {
        String query = "/engine-rest/task?taskDefinitionKey=Task_ConfirmMcsAction&assignee=" + user;
        org.mcsgov.AppProcess.await(java.time.Duration.ofSeconds(30), () -> json(getAs(user, query)).size() == 1);
        String taskId = json(getAs(user, query)).get(0).get("id").asText();
        var response = postAs(user, "/engine-rest/task/" + taskId + "/complete", variables(Map.of("mcsOutcome", "done")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        org.mcsgov.AppProcess.await(java.time.Duration.ofSeconds(30), () -> json(getAs(user, query)).isEmpty());
    }

    @Test
    void suspendedLoginRefusedThenLifted() throws Exception {
        Fixture clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        String admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        Staff nurse = clinic.person("nurse");
        String profile = "/engine-rest/user/" + nurse.userId() + "/profile";
        assertThat(status(nurse.userId(), profile)).isEqualTo(200);
        assertThat(status(nurse.userId(), "/api/staff/" + nurse.userId() + "/attestations")).isEqualTo(200);
        assertThat(status(admin, "/api/staff/" + nurse.userId() + "/attestations")).isEqualTo(200);
        assertThat(status(Fixture.facility(directory, FacilityKind.PHARMACY).person("staff").userId(),
                "/api/staff/" + nurse.userId() + "/attestations")).isEqualTo(403);

        var started = postAs(admin, "/engine-rest/process-definition/key/user-suspension/start", Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json(started).get("id").asText();
        completeOnlyTask(admin, instanceId, Map.of("staffId", String.valueOf(nurse.id()), "suspensionReason", "不正利用"));
        assertThat(status(nurse.userId(), profile)).as("suspended").isEqualTo(401);
        confirmInMcs(admin);
        org.mcsgov.AppProcess.await(java.time.Duration.ofSeconds(30),
                () -> json(getAs(admin, "/engine-rest/task?processInstanceId=" + instanceId)).size() == 1);

        completeOnlyTask(admin, instanceId, Map.of("suspensionDecision", "lift", "decisionReason", "再発防止を確認"));
        assertThat(status(nurse.userId(), profile)).as("lifted").isEqualTo(200);
        confirmInMcs(admin);
    }
}
