package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.mcsgov.AppTestSupport;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the account tests (passwords: {@link AccountPasswordIT}; locks, own account, sessions: {@link AccountSecurityIT})
 * both need: a fresh person of their own, the register's login page and its forms, and the real clock back after a
 * test that moved it past the engine's delay after a failed login.
 */
abstract class AccountTestSupport extends AppTestSupport {

    @Autowired DirectoryService directory;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** A nurse of the demo's さくら訪問看護ステーション (MCS administrator: nurse-admin). */
    protected String person(String password) {
        String user = "as" + UUID.randomUUID().toString().substring(0, 8);
        directory.registerStaff(new NewStaff("nurse", user, "試験 花子", "シケン ハナコ", "看護師", user + "@example.jp",
                password, Set.of()), "test", null);
        return user;
    }

    protected HttpResponse<String> registerLogin(HttpClient browser, String user, String password, String token,
                                                 String next) throws Exception {
        return postForm(browser, "/register/login", "username=" + user + "&password=" + password + "&_token=" + token
                + next);
    }

    protected HttpResponse<String> page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> postForm(HttpClient browser, String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String formToken(String html) {
        Matcher m = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("form token in " + html).isTrue();
        return m.group(1);
    }
}
