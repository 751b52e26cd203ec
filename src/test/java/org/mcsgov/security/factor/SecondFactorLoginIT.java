package org.mcsgov.security.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.platform.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second factor at the HTTP level (A11-3): the register's login and the webapps' login hold the session as
 * pending; meanwhile the webapps' API and the register answer nothing but the way to the code page; a wrong code is
 * 400, a right one logs in; a held login can be abandoned.
 */
@DisplayName("HTTP: a login held for its second factor (register and webapps), the code page, abandoning (A11-3)")
class SecondFactorLoginIT extends AppTestSupport {

    private static final Pattern TOKEN = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Factor2026x";

    @Autowired DirectoryService directory;
    @Autowired SecondFactors factors;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private record Person(String userId, byte[] secret) {
    }

    private Person enrolled() {
        String user = "tf" + UUID.randomUUID().toString().substring(0, 8);
        directory.registerStaff(new NewStaff("pharm", user, "二要素 花子", "ニヨウソ ハナコ", "薬剤師", user + "@example.jp",
                PASSWORD, Set.of()), "test", null);
        byte[] secret = Totp.newSecret();
        factors.enrol(user, secret, Totp.code(secret, Totp.step(EngineClock.now())));
        return new Person(user, secret);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(HttpClient client, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> page) {
        Matcher m = TOKEN.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    private long audit(String user, String event, String detail) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND event = ? AND detail LIKE ?")
                .params(user, event, "%" + detail + "%").query(Long.class).single();
    }

    @Test
    @DisplayName("the register's login: pending until the code; nothing answers meanwhile; a wrong code 400, a right one logs in")
    void registerLogin() throws Exception {
        Person person = enrolled();
        HttpClient client = browser();
        var login = form(client, "/register/login", "username=" + person.userId() + "&password=" + PASSWORD
                + "&next=/register/staff&_token=" + token(get(client, "/register/login")));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/account/2fa");
        assertThat(audit(person.userId(), "LOGIN_FAILED", "password accepted, second factor pending")).isEqualTo(1);

        var page = get(client, "/register/staff");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/account/2fa");
        var api = get(client, "/camunda/api/engine/engine/default/task");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue(WebappLoginGate.HEADER)).contains("/account/2fa");

        String token = token(get(client, "/account/2fa"));
        var wrong = form(client, "/account/2fa", "code=12345x&_token=" + token);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("確認コードが正しくない");
        ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofMinutes(1))));   // the engine's delay
        var right = form(client, "/account/2fa", "code=" + Totp.code(person.secret(), Totp.step(EngineClock.now()))
                + "&_token=" + token);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/register/staff");
        assertThat(get(client, "/register/staff").statusCode()).isEqualTo(200);
        assertThat(audit(person.userId(), "LOGIN", "second factor: code accepted")).isEqualTo(1);
        long staffId = directory.staffByUserId(person.userId()).orElseThrow().id();
        assertThat(get(client, "/register/staff/" + staffId).body()).as("the last login on the staff page (AC-2(3))")
                .contains("最終ログイン", EngineClock.today().toString());
    }

    @Test
    @DisplayName("the webapps' login: 403 with the code page in X-MCS-Second-Factor, no session; a held login can be abandoned")
    void webappLoginAndAbandon() throws Exception {
        Person person = enrolled();
        HttpClient client = browser();
        assertThat(webappLogin(client, person.userId(), PASSWORD)).isEqualTo(403);
        assertThat(get(client, "/camunda/api/admin/auth/user/default").headers()
                .firstValue(WebappLoginGate.HEADER)).contains("/account/2fa");
        assertThat(audit(person.userId(), "LOGIN_FAILED", "webapp tasklist: password accepted, second factor pending"))
                .isEqualTo(1);

        var cancelled = form(client, "/account/2fa/cancel", "_token=" + token(get(client, "/account/2fa")));
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(get(client, "/register").headers().firstValue("Location").orElseThrow()).contains("/register/login");
        assertThat(get(client, "/account/2fa").headers().firstValue("Location").orElseThrow()).contains("/register/login");
        assertThat(audit(person.userId(), "LOGOUT", "second factor login abandoned")).isEqualTo(1);
    }
}
