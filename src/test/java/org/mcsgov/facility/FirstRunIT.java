package org.mcsgov.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as a real association starts it (README 本番導入の手順): without demo data, on an empty database
 * of its own, with only the system administrator; the office is set up and the first facility enrolled by REST.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mcs.demo.enabled=false", "camunda.bpm.admin-user.id=sysadmin", "camunda.bpm.admin-user.password=admin1234",
        "camunda.bpm.job-execution.enabled=true"})
@DisplayName("first run without demo data: office set up, first facility enrolled by REST (A7, A8-5, N1-2)")
class FirstRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OFFICE_PASSWORD = "office2026x";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.emptyDatabaseUrl("firstrun");
        registry.add("spring.datasource.url", () -> url);
    }

    @Test
    @DisplayName("nobody but the system administrator; association-setup; password changed; facility-enrollment to ACTIVE")
    void firstEnrollment() throws Exception {
        assertThat(count("facility")).isZero();
        assertThat(count("staff")).isZero();
        assertThat(json(call("sysadmin", "admin1234", "GET", "/engine-rest/user", null)))
                .extracting(u -> u.get("id").asText()).containsExactly("sysadmin");

        assertThat(call("sysadmin", "admin1234", "POST", "/engine-rest/process-definition/key/association-setup/start",
                variables(Map.of("associationId", "kodaira", "associationName", "小平市医師会 事務局",
                        "associationAddress", "東京都小平市", "associationTelephone", "042-000-0000",
                        "officeUserId", "office01", "officeName", "事務 一郎", "officeKana", "ジム イチロウ",
                        "officeEmail", "office01@example.jp", "initialPassword", "first2026x",
                        "pledgeConfirmed", true))).statusCode()).isEqualTo(200);
        // A11-3: the initial password is refused until changed
        assertThat(call("office01", "first2026x", "GET", "/engine-rest/task", null).statusCode()).isEqualTo(403);
        assertThat(call(null, null, "POST", "/account/password", Map.of("userId", "office01",
                "currentPassword", "first2026x", "newPassword", OFFICE_PASSWORD)).statusCode()).isEqualTo(200);

        Map<String, Object> application = new HashMap<>(Map.of("applicationFacilityId", "hibari",
                "facilityName", "ひばり在宅診療所", "facilityKind", "CLINIC", "facilityAddress", "東京都小平市小川町1-1",
                "facilityTelephone", "042-000-0001", "usesMcs", true, "agreementDate", "2026-04-01",
                "managerIsAdmin", true));
        application.putAll(Map.of("managerUserId", "hibari-mgr", "managerName", "雲雀 一郎", "managerKana",
                "ヒバリ イチロウ", "managerProfession", "医師", "managerEmail", "hibari-mgr@example.jp"));
        assertThat(office("POST", "/engine-rest/process-definition/key/facility-enrollment/start",
                variables(application)).statusCode()).isEqualTo(200);
        complete("UserTask_Decide", Map.of("decision", "approve"));
        complete("UserTask_SignPledge", Map.of("pledgeDecision", "signed", "signerName", "雲雀 一郎"));
        complete("UserTask_Profile", Map.of("displayName", "雲雀 一郎", "profession", "医師",
                "initialPassword", "start2026x"));

        assertThat(jdbc.sql("SELECT status FROM facility WHERE id = 'hibari'").query(String.class).single())
                .isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM facility_version WHERE facility_id = 'hibari'").query(Long.class)
                .single()).isEqualTo(3);
        assertThat(office("GET", "/register/facilities/hibari", null).body()).contains("利用中", "申込の記録", "承認");

        smallImport();
    }

    /** 初期移行 by REST: a facility and its staff (Excel's Shift_JIS, sent in Base64), confirmed, imported by jobs. */
    private void smallImport() throws Exception {
        String facilities = "事業所ID,事業所名,種別,住所,電話番号,MCS利用,連携守秘誓約書の締結日\r\n"
                + "tsubame,つばめ訪問看護ステーション,訪問看護ステーション,東京都小平市1-2,042-000-0002,はい,2022/08/01\r\n";
        String staff = "事業所ID,ユーザーID,氏名,ふりがな,職種,メールアドレス,役割\r\n"
                + "tsubame,tsubame-mgr,燕 花子,ツバメ ハナコ,看護師,tsubame-mgr@example.jp,事業所管理者・MCS管理者\r\n"
                + "hibari,hibari-ns,雲雀 三郎,ヒバリ サブロウ,看護師,hibari-ns@example.jp,担当者\r\n";
        HttpResponse<String> started = office("POST", "/engine-rest/process-definition/key/register-import/start",
                variables(Map.of("facilitiesCsv", facilities, "staffCsv", Base64.getEncoder()
                        .encodeToString(staff.getBytes(java.nio.charset.Charset.forName("windows-31j"))))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        complete("UserTask_Confirm", Map.of("importDecision", "import"));
        for (int wait = 0; wait < 120 && !"DONE".equals(importStatus()); wait++) {
            Thread.sleep(500); // the job executor writes the chunks
        }
        assertThat(importStatus()).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT status FROM facility WHERE id = 'tsubame'").query(String.class).single())
                .isEqualTo("ACTIVE");
        assertThat(count("migrated_row")).isEqualTo(3);
        assertThat(office("GET", "/register/imports", null).body()).contains("初期移行", "完了", "3 / 3");
    }

    private String importStatus() {
        return jdbc.sql("SELECT status FROM register_import").query(String.class).optional().orElse(null);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** The office's one open task with this definition key, completed by REST as in Tasklist. */
    private void complete(String key, Map<String, Object> form) throws Exception {
        JsonNode tasks = json(office("GET", "/engine-rest/task?taskDefinitionKey=" + key, null));
        assertThat(tasks).hasSize(1);
        String id = tasks.get(0).get("id").asText();
        if (tasks.get(0).get("assignee").isNull()) {
            assertThat(office("POST", "/engine-rest/task/" + id + "/claim", Map.of("userId", "office01"))
                    .statusCode()).isEqualTo(204);
        }
        HttpResponse<String> done = office("POST", "/engine-rest/task/" + id + "/complete", variables(form));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private HttpResponse<String> office(String method, String path, Object body) throws Exception {
        return call("office01", OFFICE_PASSWORD, method, path, body);
    }

    private HttpResponse<String> call(String user, String password, String method, String path, Object body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((key, value) -> result.put(key, Map.of("value", value)));
        return Map.of("variables", result);
    }
}
