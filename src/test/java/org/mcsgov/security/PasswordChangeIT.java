package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mcsgov.AppTestSupport;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A11-3 for our own accounts: the initial password changed at first login, an expired one before the next. */
@DisplayName("password change required before login (A11-3)")
class PasswordChangeIT extends AppTestSupport {

    @Autowired DirectoryService directory;
    @Autowired JdbcClient jdbc;
    String user;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @BeforeEach
    void personWhoseInitialPasswordIsUnchanged() {
        user = "pw" + UUID.randomUUID().toString().substring(0, 8);
        directory.registerStaff(new NewStaff("nurse", user, "新人 看護師", "シンジン", "看護師", user + "@example.jp",
                "init1234", Set.of()), "test", null);
        jdbc.sql("UPDATE staff SET password_must_change = TRUE WHERE user_id = ?").param(user).update();
    }

    private int rest(String password) {
        return send(user, password, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET()).statusCode();
    }

    private HttpResponse<String> change(String current, String replacement) {
        return post(null, "/account/password", Map.of("userId", user, "currentPassword", current,
                "newPassword", replacement));
    }

    @Test
    @DisplayName("first login: REST and the webapps' login are refused with a message until the password is changed")
    void initialPasswordMustBeChanged() throws Exception {
        var refused = send(user, "init1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("初回ログイン", "/account/password.html");
        assertThat(webappLogin(browser(), user, "init1234")).isEqualTo(403);

        assertThat(change("wrong1234", "next1234").statusCode()).isEqualTo(400);
        // the wrong guess counts (A11-3): the engine refuses every check for a few seconds after it
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
        var weak = change("init1234", "onlyletters");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("A11-3");
        assertThat(change("init1234", "init1234").statusCode()).isEqualTo(400);
        var changed = change("init1234", "next1234");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        assertThat(rest("next1234")).isEqualTo(200);
        assertThat(webappLogin(browser(), user, "next1234")).isEqualTo(200);
        assertThat(get(null, "/account/password.html").body()).contains("パスワードの変更");
    }

    @Test
    @DisplayName("a password older than the maximum age (60 days) must be changed before the next login")
    void expiredPassword() {
        jdbc.sql("UPDATE staff SET password_must_change = FALSE, password_changed_at = ? WHERE user_id = ?")
                .params(OffsetDateTime.now().minusDays(61), user).update();
        var refused = send(user, "init1234", HttpRequest.newBuilder(URI.create(url("/api/staff/" + user + "/groups"))).GET());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("有効期限");
        jdbc.sql("UPDATE staff SET password_changed_at = ? WHERE user_id = ?")
                .params(OffsetDateTime.now().minusDays(59), user).update();
        assertThat(rest("init1234")).isEqualTo(200);
    }
}
