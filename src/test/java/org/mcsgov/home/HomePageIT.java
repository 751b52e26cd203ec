package org.mcsgov.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;

/**
 * The home page and 申請一覧 (issue 15) through HTTP with a browser's session: who sees which request (the register's
 * visibility rules), the withdrawal by its applicant, and an attacker of another facility who knows the request's id.
 */
@DisplayName("home page: 申請一覧, 取り下げ, results, and no one else's requests (issue 15)")
class HomePageIT extends AppTestSupport {

    @Test
    @DisplayName("/ leads to the home page; after login a person lands there")
    void rootLeadsHome() throws Exception {
        HttpClient browser = browser();
        var root = browser.send(HttpRequest.newBuilder(URI.create(url("/"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/register/home");
        var page = login(browser, "clinic-coord");
        assertThat(page).contains("申請一覧", "マイタスク", "こだいら在宅クリニック", "台帳", "Tasklist")
                .doesNotContain("Cockpit（");   // a coordinator has no Cockpit
    }

    @Test
    @DisplayName("the coordinator sees her invitation waiting for the station's administrators and withdraws it; "
            + "the invitee sees it; another facility's administrator neither sees nor withdraws it (403, Japanese)")
    void invitationWithdrawn() throws Exception {
        long id = requestInvitation();
        String key = "invitation:" + id;
        HttpClient coord = browser();
        String page = login(coord, "clinic-coord");
        for (int i = 0; i < 100 && !page.contains("MCS管理者"); i++) {   // the approval starts in a job
            Thread.sleep(300);
            page = home(coord);
        }
        assertThat(row(page, key)).contains("承認待ち", "さくら訪問看護ステーションのMCS管理者", "取り下げ");

        HttpClient invitee = browser();
        assertThat(row(login(invitee, "nurse-staff"), key)).contains("承認待ち").doesNotContain("<button");

        HttpClient attacker = browser();
        String attackerPage = login(attacker, "pharm-admin");
        assertThat(attackerPage).doesNotContain(key);
        var refused = withdraw(attacker, formToken(attackerPage), key, "いたずら");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("取り下げられるのは招待した事業所の担当者だけです");
        var unknown = withdraw(attacker, formToken(attackerPage), "invitation:999999", "いたずら");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("見つかりません");

        var noReason = withdraw(coord, formToken(page), key, " ");
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(home(coord)).contains("取り下げの理由を入力してください");
        var tooLong = withdraw(coord, formToken(page), key, "長".repeat(501));
        assertThat(tooLong.statusCode()).isEqualTo(302);
        assertThat(home(coord)).contains("500文字以内");

        assertThat(withdraw(coord, formToken(page), key, "入院のため").statusCode()).isEqualTo(302);
        String after = home(coord);
        assertThat(after).contains("申請を取り下げました");
        assertThat(row(after, key)).contains("取り下げ（取り下げ: 入院のため）").doesNotContain("<button");
    }

    @Test
    @DisplayName("a rejected applicant sees the decision, its reason and who decided on the home page")
    void rejectionShown() throws Exception {
        long id = requestInvitation();
        String taskId = invitationApprovalTask(id).get("id").asText();
        var rejected = post("nurse-admin", "/engine-rest/task/" + taskId + "/complete",
                variables(Map.of("decision", "reject", "decisionComment", "担当の看護師が異なるため")));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
        String row = row(login(browser(), "clinic-coord"), "invitation:" + id);
        assertThat(row).contains("却下", "却下（担当の看護師が異なるため）").doesNotContain("nurse-admin");
    }

    /** Logs in on our login page (its form token first) and returns the home page it lands on. */
    private String login(HttpClient browser, String user) throws Exception {
        String form = browser.send(HttpRequest.newBuilder(URI.create(url("/register/login"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        var response = postForm(browser, "/register/login", "username=" + user + "&password=" + DEMO_PASSWORD
                + "&_token=" + formToken(form));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/register/home");
        return home(browser);
    }

    private String home(HttpClient browser) throws Exception {
        var page = browser.send(HttpRequest.newBuilder(URI.create(url("/register/home"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private HttpResponse<String> withdraw(HttpClient browser, String token, String key, String reason)
            throws Exception {
        return postForm(browser, "/register/home/withdraw", "businessKey=" + key + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8) + "&_token=" + token);
    }

    private HttpResponse<String> postForm(HttpClient browser, String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The table row of one request in 申請一覧 (empty when the page does not list it). */
    private static String row(String html, String businessKey) {
        Matcher m = Pattern.compile("<tr data-key=\"" + Pattern.quote(businessKey) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static String formToken(String html) {
        Matcher m = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("form token in " + html).isTrue();
        return m.group(1);
    }
}
