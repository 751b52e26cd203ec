package org.mcsgov.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.security.factor.FactorRequirement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal access tokens for programs, and no password alone where the second factor is required (A11-3). */
@DisplayName("REST: personal access tokens; HTTP Basic refused where the second factor is required (A11-3)")
class AccessTokenIT extends AppTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired FactorRequirement requirement;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private String create(String user, String name, String scope, int days) {
        HttpResponse<String> created = post(user, "/api/tokens", Map.of("name", name, "scope", scope, "days", days));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("token").asText();
    }

    private HttpResponse<String> bearer(String token, String method, String path) {
        return send(null, null, HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}")));
    }

    private long auditRows(String detail) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event = 'LOGIN_FAILED' AND detail LIKE ?")
                .param("%" + detail + "%").query(Long.class).single();
    }

    @Test
    @DisplayName("a token is created (shown once, stored hashed), used with its scope, listed with its last use, revoked, expires")
    void createdUsedRevokedExpired() {
        String read = create("clinic-staff", "集計スクリプト", "READ", 30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_token WHERE token_hash = ?").param(read).query(Long.class)
                .single()).as("never stored in clear").isZero();

        HttpResponse<String> groups = bearer(read, "GET", "/api/staff/clinic-staff/groups");
        assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
        assertThat(bearer(read, "GET", "/engine-rest/task").statusCode()).isEqualTo(200);
        HttpResponse<String> write = bearer(read, "POST", "/engine-rest/process-instance");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("読み取り専用", "read-only");
        assertThat(bearer(read, "POST", "/api/tokens").statusCode()).as("a token makes no tokens").isEqualTo(403);

        var listed = json(get("clinic-staff", "/api/tokens"));
        assertThat(listed.get(0).get("name").asText()).isEqualTo("集計スクリプト");
        assertThat(listed.get(0).get("lastUsedAt").isNull()).as("last use listed").isFalse();
        assertThat(listed.get(0).has("token")).isFalse();

        String id = listed.get(0).get("id").asText();
        assertThat(send("clinic-coord", DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/api/tokens/" + id)))
                .DELETE()).statusCode()).as("only its owner revokes it").isEqualTo(400);
        assertThat(send("clinic-staff", DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/api/tokens/" + id)))
                .DELETE()).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = bearer(read, "GET", "/api/staff/clinic-staff/groups");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("アクセストークンが無効です", "revoked");
        assertThat(auditRows("token " + id + " revoked")).isEqualTo(1);

        String shortLived = create("clinic-staff", "一日だけ", "WRITE", 1);
        assertThat(bearer(shortLived, "GET", "/engine-rest/task").statusCode()).isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(1)).plusSeconds(1)));
        assertThat(bearer(shortLived, "GET", "/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(auditRows("expired")).isEqualTo(1);
        assertThat(bearer("mcs_guessed", "GET", "/engine-rest/task").statusCode()).isEqualTo(401);

        assertThat(post("clinic-staff", "/api/tokens", Map.of("name", "x", "scope", "ALL", "days", 1)).statusCode())
                .isEqualTo(400);
        assertThat(post("clinic-staff", "/api/tokens", Map.of("name", "x", "scope", "READ", "days", 9999)).statusCode())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("where the facility requires the second factor, HTTP Basic with the password is 401 with a message; a token works")
    void basicRefusedWhereFactorRequired() {
        String token = create("pharm-staff", "薬局の連携", "READ", 30);
        requirement.set("pharm", true, "試験: 二要素認証を必須にする", "pharm-mgr");
        try {
            HttpResponse<String> basic = get("pharm-staff", "/api/staff/pharm-staff/groups");
            assertThat(basic.statusCode()).isEqualTo(401);
            assertThat(basic.body()).contains("個人用アクセストークン", "use a personal access token");
            HttpResponse<String> guess = send("pharm-staff", "wrong9999", HttpRequest.newBuilder(
                    URI.create(url("/api/staff/pharm-staff/groups"))).GET());
            assertThat(guess.statusCode()).isEqualTo(401);
            assertThat(guess.body()).as("a guesser learns nothing about the factor").doesNotContain("トークン");
            assertThat(auditRows("second factor required")).isEqualTo(1);
            assertThat(bearer(token, "GET", "/api/staff/pharm-staff/groups").statusCode()).isEqualTo(200);
            assertThat(get("nurse-staff", "/api/staff/nurse-staff/groups").statusCode()).as("other facilities")
                    .isEqualTo(200);
        } finally {
            requirement.set("pharm", false, "試験の後始末", "pharm-mgr");
            jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = 0, LOCK_EXP_TIME_ = NULL WHERE ID_ = 'pharm-staff'").update();
        }
    }
}
