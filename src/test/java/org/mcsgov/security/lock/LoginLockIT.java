package org.mcsgov.security.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15: a lock says it is a lock, until when, or whom to ask — on the register's login, the webapps' login and
 * REST — and a made-up user id is refused exactly as a real one (no list of who exists).
 */
@DisplayName("a refused login says it was a lock, until when or whom to ask (issue 15, A11-3)")
class LoginLockIT extends AppTestSupport {

    private static final String WRONG = "wrong-password1";

    @Autowired DirectoryService directory;
    @Autowired AccountLock accountLock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    private String person() {
        String user = "lk" + UUID.randomUUID().toString().substring(0, 8);
        directory.registerStaff(new NewStaff("care", user, "試験 錠", "シケン ジョウ", "介護支援専門員",
                user + "@example.jp", DEMO_PASSWORD, Set.of()), "test", null);
        return user;
    }

    @Test
    @DisplayName("the right password during the delay after a wrong one: 'temporarily locked until …' (Asia/Tokyo); "
            + "after five failures: locked, ask the MCS administrator; a made-up id reads the same")
    void registerLogin() throws Exception {
        ClockUtil.setCurrentTime(new Date());
        for (String user : new String[] {person(), "nobody" + UUID.randomUUID().toString().substring(0, 6)}) {
            HttpClient browser = browser();
            assertThat(registerLogin(browser, user, WRONG)).contains("パスワードが正しくありません")
                    .doesNotContain("ロック");
            assertThat(registerLogin(browser, user, DEMO_PASSWORD)).as(user)
                    .contains("一時的にロックされています", "（日本時間）以降に", "正しいパスワードでもログインできません");
            for (int attempt = 2; attempt <= 5; attempt++) {
                ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
                registerLogin(browser, user, WRONG);
            }
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
            assertThat(registerLogin(browser, user, DEMO_PASSWORD)).as(user)
                    .contains("ロックされています", "MCS管理者に", "解除を依頼");
        }
    }

    @Test
    @DisplayName("a suspended person's lock is told only to whoever types the right password, with whom to ask; "
            + "wrong passwords count toward the lockout as on any account")
    void suspendedAccount() throws Exception {
        ClockUtil.setCurrentTime(new Date());
        String user = person();
        accountLock.lock(user);
        jdbc.sql("UPDATE staff SET status = 'SUSPENDED' WHERE user_id = ?").param(user).update();
        HttpClient browser = browser();
        assertThat(registerLogin(browser, user, WRONG)).contains("パスワードが正しくありません")
                .doesNotContain("利用停止");
        assertThat(attempts(user)).as("counted like any failure").isEqualTo(1);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
        assertThat(registerLogin(browser, user, DEMO_PASSWORD))
                .contains("利用停止中のためロックされています", "けやき居宅介護支援事業所のMCS管理者にお問い合わせください");
        var webapp = webappPostAnswer(browser(), "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + user + "&password=" + DEMO_PASSWORD);
        assertThat(webapp.statusCode()).isEqualTo(401);
        assertThat(webapp.body()).contains("利用停止中のためロックされています");
        var rest = send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET());
        assertThat(rest.statusCode()).isEqualTo(401);
        assertThat(rest.body()).contains("AccountSuspended", "locked by a suspension");
    }

    @Test
    @DisplayName("REST and the webapps' login: a lockout is a 401 with a message (English for programs, Japanese "
            + "on the login page); a plain wrong password stays a bare 401")
    void restAndWebapps() {
        ClockUtil.setCurrentTime(new Date());
        String user = person();
        var wrong = send(user, WRONG, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("locked");
        var during = send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET());
        assertThat(during.statusCode()).isEqualTo(401);
        assertThat(during.body()).contains("AccountTemporarilyLocked", "Asia/Tokyo", "一時的にロック");
        var webapp = webappPostAnswer(browser(), "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + user + "&password=" + DEMO_PASSWORD);
        assertThat(webapp.statusCode()).isEqualTo(401);
        assertThat(webapp.body()).contains("\"message\":\"ログインの失敗が続いたため、このユーザーIDは一時的にロック");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
        assertThat(send(user, DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url("/engine-rest/task"))).GET())
                .statusCode()).as("the delay is over").isEqualTo(200);
    }

    private int attempts(String user) {
        return jdbc.sql("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = ?").param(user)
                .query(Integer.class).single();
    }

    private String registerLogin(HttpClient browser, String user, String password) throws Exception {
        String form = browser.send(HttpRequest.newBuilder(URI.create(url("/register/login"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher token = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(url("/register/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_token="
                        + token.group(1))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }
}
