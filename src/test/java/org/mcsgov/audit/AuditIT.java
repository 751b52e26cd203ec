package org.mcsgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.RecordMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A8-1, A8-3 (MHLW guideline: access logs): logins and every API access are logged; the office exports a period. */
@DisplayName("audit log: logins, API access, CSV export for the office (A8-1, A8-3)")
class AuditIT extends AppTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired TaskService taskService;
    @Autowired DirectoryService directory;

    record Row(String event, String userId, String method, String path, int status, String processInstanceId) {
    }

    private long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
    }

    private List<Row> rowsAfter(long id) {
        return jdbc.sql("SELECT event, user_id, method, path, status, process_instance_id FROM audit_log WHERE id > ? "
                + "ORDER BY id").param(id).query(RecordMapper.of(Row.class)).list();
    }

    /** A person of its own, so that failed logins here never delay or lock another test's login. */
    private String person() {
        String user = "au" + UUID.randomUUID().toString().substring(0, 8);
        directory.registerStaff(new NewStaff("nurse", user, "監査 試験", "カンサ シケン", "看護師", user + "@example.jp",
                DEMO_PASSWORD, Set.of()), "test", null);
        return user;
    }

    @Test
    @DisplayName("A8-3: webapp logins and logouts, failed HTTP Basic logins and refused requests are recorded")
    void logins() {
        String refused = person();
        String member = person();
        String restUser = person();
        long before = lastId();
        var browser = browser();
        assertThat(webappLogin(browser, refused, "wrong999")).isEqualTo(401);
        assertThat(webappLogin(browser, member, DEMO_PASSWORD)).isEqualTo(200);
        assertThat(webappPost(browser, "/camunda/api/admin/auth/user/default/logout", "")).isEqualTo(200);
        assertThat(send(restUser, "wrong999", HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET())
                .statusCode()).isEqualTo(401);
        assertThat(send(null, null, HttpRequest.newBuilder(URI.create(url("/api/audit?from=2026-01-01&to=2026-01-02")))
                .GET()).statusCode()).isEqualTo(401);

        assertThat(rowsAfter(before)).extracting(r -> r.event() + " " + r.userId() + " " + r.status()).containsExactly(
                "LOGIN_FAILED " + refused + " 401", "LOGIN " + member + " 200", "LOGOUT " + member + " 200",
                "LOGIN_FAILED " + restUser + " 401", "LOGIN_FAILED null 401");
    }

    @Test
    @DisplayName("A8-1: one invitation end to end through REST: every request logged with user and process instance; "
            + "the office exports the day as CSV, nobody else")
    void invitationEndToEnd() {
        long before = lastId();
        var started = post("clinic-coord", "/engine-rest/process-definition/key/group-invitation/start", variables(Map.of()));
        String instanceId = json(started).get("id").asText();
        String taskId = json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId)).get(0).get("id").asText();
        assertThat(post("clinic-coord", "/engine-rest/task/" + taskId + "/complete", variables(Map.of(
                "groupId", option("clinic-coord", taskId, "groupOptions", "山田 太郎様"),
                "inviteeStaffId", option("clinic-coord", taskId, "staffOptions", "吉田 翔"),
                "reason", "訪問看護の記録を共有するため", "requestAction", "submit"))).statusCode()).isEqualTo(204);
        String businessKey = json(get("office", "/engine-rest/process-instance/" + instanceId)).get("businessKey").asText();

        completeWhenReady("pharm-admin", businessKey, Map.of("decision", "approve"));
        completeWhenReady("pharm-staff", businessKey, Map.of("inviteeDecision", "accept"));
        completeWhenReady("clinic-coord", businessKey, Map.of("mcsOutcome", "done"));
        String invitationId = businessKey.substring("invitation:".length());
        assertThat(json(get("clinic-coord", "/api/invitations/" + invitationId)).get("invitation").get("state").asText())
                .isEqualTo("MEMBER");

        List<Row> rows = rowsAfter(before);
        System.out.printf("audit log rows for one invitation end to end through REST: %d%n", rows.size());
        assertThat(rows).hasSize(13).allSatisfy(r -> {
            assertThat(r.userId()).isNotNull();
            assertThat(r.status()).isLessThan(300);
        });
        assertThat(rows.get(0)).isEqualTo(new Row("CHANGE", "clinic-coord", "POST",
                "/engine-rest/process-definition/key/group-invitation/start", 200, instanceId));
        assertThat(rows).filteredOn(r -> r.path().equals("/engine-rest/task/" + taskId + "/complete")).singleElement()
                .extracting(Row::processInstanceId).isEqualTo(instanceId);
        assertThat(rows).extracting(Row::userId).contains("pharm-admin", "pharm-staff");

        String today = EngineClock.today().toString();
        assertThat(get("clinic-coord", "/api/audit?from=" + today + "&to=" + today).statusCode()).isEqualTo(403);
        var csv = get("office", "/api/audit?from=" + today + "&to=" + today);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF番号,日時,種別,ユーザーID")
                .contains(",CHANGE,clinic-coord,POST,/engine-rest/process-definition/key/group-invitation/start,200,"
                        + instanceId + ",")
                .contains(",READ,clinic-coord,GET,/api/audit?from=" + today + "&to=" + today + ",403,");
    }

    /** Waits (Java API, so the log counts only the client's own requests) for the user's task, then completes it. */
    private void completeWhenReady(String user, String businessKey, Map<String, Object> form) {
        for (int attempt = 0; attempt < 300 && taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .or().taskAssignee(user).taskCandidateUser(user).endOr().count() == 0; attempt++) {
            pause();
        }
        String taskId = json(get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey)).get(0).get("id")
                .asText();
        var completed = post(user, "/engine-rest/task/" + taskId + "/complete", variables(form));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
