package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 12 for passwords: guessing counted and audited, no oracle for a required change, no reuse (A11-3). */
@DisplayName("passwords: guessing counted and audited, no oracle, history (A11-3)")
class AccountPasswordIT extends AccountTestSupport {

    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    private HttpResponse<String> change(String user, String current, String replacement) {
        return post(null, "/account/password", Map.of("userId", user, "currentPassword", current,
                "newPassword", replacement));
    }

    private int attempts(String user) {
        return jdbc.sql("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?").param(user).query(Integer.class).single();
    }

    private List<String> audit(String user, String path) {
        return jdbc.sql("SELECT event || ' ' || status || ' ' || COALESCE(detail, '') FROM audit_log WHERE user_id = ? "
                + "AND path LIKE ? ORDER BY id").params(user, path + "%").query(String.class).list();
    }

    @Test
    @DisplayName("A11-3: 30 wrong current passwords on /account/password are counted and audited; the right one then "
            + "changes nothing")
    void guessingThePasswordChange() {
        String user = person(DEMO_PASSWORD);
        ClockUtil.setCurrentTime(new Date());   // frozen: the engine's delay after a failure lasts the whole loop
        for (int guess = 0; guess < 30; guess++) {
            assertThat(change(user, "guess" + guess + "xx", "next1234a").statusCode()).isEqualTo(400);
        }
        assertThat(attempts(user)).as("failed checks stay counted (they were rolled back)").isPositive();
        assertThat(change(user, DEMO_PASSWORD, "next1234a").statusCode()).isEqualTo(400);
        assertThat(identityService.checkPassword(user, "next1234a")).isFalse();
        assertThat(audit(user, "/account/password")).hasSizeGreaterThanOrEqualTo(31)
                .contains("LOGIN_FAILED 400 password change: wrong user id or current password");

        identityService.unlockUser(user);
        var weak = change(user, DEMO_PASSWORD, "        1a");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(audit(user, "/account/password")).last().asString()
                .startsWith("CHANGE 400 password change refused:").contains("A11-3");
        assertThat(change(user, DEMO_PASSWORD, "next1234a").statusCode()).isEqualTo(200);
        assertThat(audit(user, "/account/password")).last().isEqualTo("CHANGE 200 password changed");
    }

    @Test
    @DisplayName("A11-3: no oracle: an unchanged initial password is mentioned only to whoever proves it; a guess is a "
            + "failed login at every door")
    void noOracleForInitialPassword() throws Exception {
        String user = person("init1234");
        jdbc.sql("UPDATE staff SET password_must_change = TRUE WHERE user_id = ?").param(user).update();
        var guessed = send(user, "guess1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET());
        assertThat(guessed.statusCode()).isEqualTo(401);
        assertThat(guessed.body()).doesNotContain("初回");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
        assertThat(webappLogin(browser(), user, "guess1234")).isEqualTo(401);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
        HttpClient browser = browser();
        String token = formToken(page(browser, "/register/login").body());
        var register = registerLogin(browser, user, "guess1234", token, "");
        assertThat(register.body()).contains("パスワードが正しくありません").doesNotContain("初回");
        assertThat(attempts(user)).isEqualTo(3);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));

        var proven = send(user, "init1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET());
        assertThat(proven.statusCode()).isEqualTo(403);
        assertThat(proven.body()).contains("初回ログイン", "/account/password.html");
    }

    @Test
    @DisplayName("A11-3: a new password is not one of the last five, on /account/password and /engine-rest "
            + "(400 with a message, not 500)")
    void passwordHistory() {
        String user = person(DEMO_PASSWORD);
        assertThat(change(user, DEMO_PASSWORD, "second12").statusCode()).isEqualTo(200);
        var back = change(user, "second12", DEMO_PASSWORD);
        assertThat(back.statusCode()).isEqualTo(400);
        assertThat(back.body()).contains("直近5回");
        var rest = send(user, "second12", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user + "/credentials")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + DEMO_PASSWORD
                        + "\",\"authenticatedUserPassword\":\"second12\"}")));
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(rest.body()).contains("A11-3", "Password does not match policy");
        var blanks = send(user, "second12", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user + "/credentials")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"        1a\",\"authenticatedUserPassword\":\"second12\"}")));
        assertThat(blanks.statusCode()).isEqualTo(400);
        var fresh = send(user, "second12", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/" + user + "/credentials")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"third123\",\"authenticatedUserPassword\":\"second12\"}")));
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(204);
        assertThat(change(user, "third123", "second12").statusCode()).as("second12 was used before").isEqualTo(400);
    }
}
