package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 12 on the web side: the audit tells the truth, bad input is 4xx, browser protections on every page. */
@DisplayName("web hardening: truthful audit, no 500 for bad input, security headers (A8-1, A8-3)")
class WebHardeningIT extends AppTestSupport {

    @Autowired JdbcClient jdbc;

    private HttpResponse<String> raw(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("A8-3: a session of one person with a wrong Basic header of another is logged as the person served")
    void auditRecordsWhoWasServed() throws Exception {
        HttpClient browser = browser();
        assertThat(webappLogin(browser, "clinic-staff", DEMO_PASSWORD)).isEqualTo(200);
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
        var page = raw(browser, HttpRequest.newBuilder(URI.create(url("/register")))
                .header("Authorization", basic("nurse-admin", "wrong-guess1")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT user_id FROM audit_log WHERE id > ? AND path = '/register'")
                .param(before).query(String.class).list()).containsExactly("clinic-staff");
    }

    @Test
    @DisplayName("no 500 for bad input: over-long reasons, malformed Basic headers, odd next= on the register login")
    void badInputIs4xx() throws Exception {
        long invitation = requestInvitation();
        var longCancel = post("clinic-coord", "/api/invitations/" + invitation + "/cancel", Map.of("reason", "長".repeat(2000)));
        assertThat(longCancel.statusCode()).isEqualTo(400);
        assertThat(longCancel.body()).contains("500文字以内").doesNotContainIgnoringCase("sql").doesNotContain("INSERT");
        var longWithdraw = post("clinic-staff", "/api/takeouts/999999/withdraw", Map.of("reason", "x".repeat(5000)));
        assertThat(longWithdraw.statusCode()).isEqualTo(400);
        assertThat(longWithdraw.body()).contains("500文字以内");

        for (String id : List.of("bad id!", "y".repeat(65))) {
            var created = send("admin", "admin1234", HttpRequest.newBuilder(URI.create(url("/engine-rest/user/create")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"profile\":{\"id\":\"" + id + "\"},\"credentials\":{\"password\":\"abcd1234\"}}")));
            assertThat(created.statusCode()).as(id + ": " + created.body()).isEqualTo(400);
            assertThat(created.body()).contains("64文字以内");
        }

        HttpClient client = HttpClient.newHttpClient();
        for (String header : List.of("Basic %%%not-base64%%%", "Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8)), "Basic", "Basic ")) {
            for (String path : List.of("/engine-rest/task", "/api/staff/clinic-staff/groups", "/register/staff.csv")) {
                var response = raw(client, HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", header));
                assertThat(response.statusCode()).as(header + " on " + path).isEqualTo(401);
            }
        }

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = raw(browser, HttpRequest.newBuilder(URI.create(url("/register/login?next=" + URLEncoder.encode("/register/{x}", StandardCharsets.UTF_8))))).body();
        String token = AccountTestSupport.formToken(form);
        for (String next : List.of("/register/{x}", "/register/staff\r\nSet-Cookie: a=b", "", "/register/../../x")) {
            var login = raw(browser, HttpRequest.newBuilder(URI.create(url("/register/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=pharm-staff&password=" + DEMO_PASSWORD
                            + "&_token=" + token + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))));
            assertThat(login.statusCode()).as(next).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElseThrow()).as(next).doesNotContain("{", "Set-Cookie");
            token = AccountTestSupport.formToken(raw(browser, HttpRequest.newBuilder(URI.create(url("/register/login")))).body());
        }
        assertThat(raw(browser, HttpRequest.newBuilder(URI.create(url("/register/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x"))).statusCode()).isBetween(400, 499);
        assertThat(post(null, "/account/password", Map.of()).statusCode()).isEqualTo(400);
        assertThat(raw(client, HttpRequest.newBuilder(URI.create(url("/account/password")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")))
                .statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("security headers on our pages, the webapps keep their own CSP; session and XSRF cookies are SameSite")
    void securityHeaders() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/register/login", "/account/password.html", "/api/audit?from=2026-01-01&to=2026-01-01",
                "/camunda/app/tasklist/default/")) {
            var headers = raw(client, HttpRequest.newBuilder(URI.create(url(path)))).headers();
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(headers.allValues("Content-Security-Policy")).as(path).hasSize(1);
        }
        assertThat(raw(client, HttpRequest.newBuilder(URI.create(url("/register/login")))).headers()
                .firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'", "script-src 'self'");
        var tasklist = raw(client, HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/"))));
        assertThat(tasklist.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain(SecurityHeaders.POLICY);
        assertThat(tasklist.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
        var login = raw(client, HttpRequest.newBuilder(URI.create(url("/register/login"))));
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }
}
