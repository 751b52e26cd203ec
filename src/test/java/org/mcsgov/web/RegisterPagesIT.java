package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.Map;
import org.mcsgov.AppTestSupport;
import org.mcsgov.TestNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The register pages (A7, A8-1) as a matrix of person × page, through the pages and their CSV exports, with the
 * webapps' session login, our login page and HTTP Basic.
 */
@DisplayName("register pages: who reads what, on the page and in the CSV")
class RegisterPagesIT extends AppTestSupport {

    @Autowired
    ApplicationContext context;
    RegisterFixtures fixtures;

    long nurseGroup;
    long clinicGroup;
    long clinicLinkGroup;

    @BeforeEach
    void register() {
        fixtures = new RegisterFixtures(context);
        nurseGroup = fixtures.nurseGroup();
        fixtures.reviewCampaign(nurseGroup);
        clinicGroup = fixtures.clinicGroup();
        clinicLinkGroup = fixtures.clinicGroupWithNurse();
        fixtures.correction();
    }

    private String path(String template) {
        return template.replace("{nurseGroup}", String.valueOf(nurseGroup))
                .replace("{clinicGroup}", String.valueOf(clinicGroup))
                .replace("{clinicLinkGroup}", String.valueOf(clinicLinkGroup))
                .replace("{nurseStaff}", String.valueOf(fixtures.staffId("nurse-staff")))
                .replace("{clinicStaff}", String.valueOf(fixtures.staffId("clinic-staff")));
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            // the nurse station's group: its facility's roles, its members and the office; nobody else
            "nurse-admin, /register/groups/{nurseGroup}, 200", "nurse-mgr, /register/groups/{nurseGroup}, 200",
            "nurse-coord, /register/groups/{nurseGroup}, 200", "nurse-staff, /register/groups/{nurseGroup}, 200",
            "office, /register/groups/{nurseGroup}, 200", "pharm-admin, /register/groups/{nurseGroup}, 403",
            "clinic-coord, /register/groups/{nurseGroup}, 403", "clinic-admin, /register/groups/{nurseGroup}, 403",
            "pharm-staff, /register/groups/{nurseGroup}, 403",
            "nurse-admin, /register/groups/{clinicGroup}, 403", "clinic-admin, /register/groups/{clinicGroup}, 200",
            // a person: the facility's manager and MCS administrator, the person, the office
            "nurse-admin, /register/staff/{nurseStaff}, 200", "nurse-mgr, /register/staff/{nurseStaff}, 200",
            "nurse-staff, /register/staff/{nurseStaff}, 200", "office, /register/staff/{nurseStaff}, 200",
            "nurse-coord, /register/staff/{nurseStaff}, 403", "pharm-admin, /register/staff/{nurseStaff}, 403",
            "nurse-admin, /register/staff/{clinicStaff}, 403",
            // a facility: its managers, administrators and coordinators, the office
            "nurse-admin, /register/facilities/nurse, 200", "nurse-coord, /register/facilities/nurse, 200",
            "office, /register/facilities/nurse, 200", "pharm-admin, /register/facilities/nurse, 403",
            "nurse-staff, /register/facilities/nurse, 403", "nurse-staff, /register/facilities, 403",
            "nurse-staff, /register/facilities.csv, 403", "nurse-staff, /register/staff, 200",
            "nurse-admin, /register/nonsense, 404", "nurse-admin, /register/groups/999999999, 404",
            "nurse-admin, /register/memberships?on=yesterday, 400",
            // devices and take-outs: the facility's managers and administrators, the holder or applicant, the office
            "nurse-staff, /register/devices, 200", "nurse-admin, /register/takeouts.csv, 200",
            "pharm-staff, /register/takeouts, 200",
            // the audit log: the office only
            "office, /register/audit-log, 200", "nurse-admin, /register/audit-log, 403",
            // issue 13: revocation times, periodic duties and 突合 for the office; a facility's own MCS actions
            "office, /register/revocations, 200", "office, /register/revocations.csv, 200",
            "nurse-admin, /register/revocations, 403", "office, /register/periodic-duties, 200",
            "nurse-admin, /register/periodic-duties.csv, 403", "office, /register/review-differences.csv, 200",
            "clinic-coord, /register/review-differences, 403", "nurse-admin, /register/mcs-actions, 200",
            "office, /register/mcs-actions.csv?state=overdue, 200",
            "nurse-admin, /register/audit-log.csv, 403", "clinic-coord, /register/audit-log.csv, 403",
            // review campaigns and their reports: the office, as /api/reviews
            "office, /register/reviews, 200", "nurse-admin, /register/reviews, 403",
            "nurse-admin, /register/review-groups.csv, 403",
            // issue 14: the imports (初期移行) name every person of the association: the office only
            "office, /register/imports, 200", "office, /register/imports.csv?status=DONE, 200",
            "nurse-admin, /register/imports, 403", "nurse-mgr, /register/imports.csv, 403"})
    @DisplayName("A7/A8-1: pages open for the facility's roles, the members and the office, 403 for others")
    void pageAccess(String user, String template, int status) {
        var response = get(user, path(template));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}: {1} lists {2}, not {3}")
    @CsvSource({
            "nurse-admin, /register/staff.csv, nurse-staff, clinic-staff",
            "nurse-admin, /register/staff, nurse-staff, clinic-staff",
            "nurse-coord, /register/staff.csv, nurse-coord, nurse-staff",
            "office, /register/staff.csv, clinic-staff, nobody-at-all",
            "nurse-admin, /register/groups.csv, " + RegisterFixtures.NURSE_GROUP + ", 山田 太郎様",
            "nurse-coord, /register/groups, " + RegisterFixtures.NURSE_GROUP + ", 山田 太郎様",
            "clinic-coord, /register/groups.csv, 山田 太郎様, " + RegisterFixtures.NURSE_GROUP,
            "nurse-staff, /register/groups.csv, " + RegisterFixtures.NURSE_GROUP + ", 山田 太郎様",
            "office, /register/groups.csv, 山田 太郎様, nobody-at-all",
            "nurse-admin, /register/facilities.csv, さくら訪問看護ステーション, みどり薬局",
            "office, /register/facilities.csv, みどり薬局, nobody-at-all",
            "nurse-admin, /register/memberships.csv, " + RegisterFixtures.LEFT_REASON + ", clinic-staff",
            // her own staff's memberships in another facility's group, not the others' (issue 15)
            "nurse-admin, /register/memberships.csv?group={clinicLinkGroup}, nurse-staff, clinic-coord",
            "pharm-admin, /register/memberships.csv?group={clinicLinkGroup}, グループ, nurse-staff",
            "pharm-admin, /register/memberships.csv?group={nurseGroup}, グループ, " + RegisterFixtures.LEFT_REASON,
            // who invited, approved and ended a membership: by name, not login id (issue 15)
            "office, /register/memberships.csv?group={nurseGroup}, 高橋 恵, nurse-admin",
            "nurse-admin, /register/devices.csv, NS-SP-01, CL-PC-01", "nurse-staff, /register/devices.csv, NS-SP-01, NS-TAB-01",
            "pharm-admin, /register/devices, PH-PC-01, NS-SP-01", "office, /register/devices.csv, CL-TAB-01, nobody-at-all",
            "nurse-admin, /register/staff/{nurseStaff}, NS-SP-01, CL-PC-01",
            "office, /register/reviews.csv, さくら訪問看護ステーション, nobody-at-all",
            "office, /register/review-groups.csv?facility=nurse, " + RegisterFixtures.NURSE_GROUP + ", 山田 太郎様",
            // 訂正履歴: the facility's managers and administrators, the one who asked, the office; on the staff page too
            "nurse-admin, /register/corrections.csv, " + RegisterFixtures.CORRECTED_FROM + ", nobody-at-all",
            "office, /register/corrections, " + RegisterFixtures.CORRECTED_FROM + ", nobody-at-all",
            "pharm-admin, /register/corrections.csv, 訂正前, " + RegisterFixtures.CORRECTED_FROM,
            "nurse-mgr, /register/staff/{nurseStaff}, " + RegisterFixtures.CORRECTED_FROM + ", nobody-at-all"})
    @DisplayName("A7/A8-1: lists and CSV exports hold exactly the rows the person may read")
    void listScope(String user, String template, String listed, String notListed) {
        var response = get(user, path(template));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains(listed).doesNotContain(notListed);
    }

    @Test
    @DisplayName("CSV: UTF-8 with BOM, the page's columns, the filters applied, every row (not only the first page)")
    void csvExport() {
        var response = get("office", path("/register/memberships.csv?group={nurseGroup}"));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
                .containsIgnoringCase("utf-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("memberships.csv");
        var lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFグループ,氏名,ユーザーID,事業所,職種,役割,参加,終了,招待者,承認者,参加プロセス,"
                + "終了者,終了理由,終了プロセス");
        // inviter nurse-coord, approver and ender nurse-admin: by name (issue 15)
        assertThat(lines).hasSize(4).anySatisfy(line -> assertThat(line).contains("nurse-mgr", "渡辺 亮",
                "高橋 恵", RegisterFixtures.LEFT_REASON));
        var current = get("office", path("/register/memberships.csv?group={nurseGroup}&current=true"));
        assertThat(current.body().lines()).hasSize(3).noneMatch(line -> line.contains("nurse-mgr"));
        assertThat(get("office", "/register/staff.csv?q=タカハシ").body().lines()).hasSize(2);
    }

    @Test
    @DisplayName("a group page: current members, the history with who invited and approved, members on day D")
    void groupPage() {
        String page = get("nurse-admin", path("/register/groups/{nurseGroup}?on=" + org.mcsgov.platform.EngineClock.today()))
                .body();
        assertThat(page).contains(RegisterFixtures.NURSE_GROUP, "現在のメンバー", "中村 愛", "メンバー履歴",
                RegisterFixtures.LEFT_REASON, "この日にグループを見られた人", "佐藤 由美");
    }

    @ParameterizedTest(name = "{0} sees the clinic's open consent task on the facility page: {1}, its process in Cockpit: {2}")
    @CsvSource({"clinic-coord, true, false", "office, true, true", "clinic-admin, false, false"})
    @DisplayName("open tasks link to Tasklist, only those the engine shows the viewer there; Cockpit only for who may use it")
    void openTasks(String user, boolean shown, boolean cockpit) {
        var started = post("clinic-coord", "/engine-rest/process-definition/key/patient-consent/start",
                variables(Map.of("patientName", "台帳 確認", "patientKana", TestNames.kana(), "birthDate", "1940-01-01")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instance = json(started).get("id").asText();
        String taskId = json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instance)).get(0).get("id").asText();
        String page = get(user, "/register/facilities/clinic").body();
        assertThat(page.contains("/camunda/app/tasklist/default/#/?task=" + taskId)).isEqualTo(shown);
        // issue 15: a coordinator's link into Cockpit led to its 403
        assertThat(page.contains("/camunda/app/cockpit/default/#/process-instance/" + instance)).isEqualTo(cockpit);
    }

    @Test
    @DisplayName("A8-1: the office reads the audit log (register reads included) on a page and as CSV, by person and day")
    void auditLog() {
        assertThat(get("nurse-admin", "/api/staff/nurse-admin/groups").statusCode()).isEqualTo(200);
        assertThat(get("nurse-admin", "/register/staff?q=ナカムラ").statusCode()).isEqualTo(200);
        var csv = get("office", "/register/audit-log.csv?user=nurse-admin&event=READ&on="
                + org.mcsgov.platform.EngineClock.today());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF日時,種類,ユーザーID").contains("閲覧,nurse-admin,GET,/api/staff/nurse-admin/groups,200",
                "閲覧,nurse-admin,GET,/register/staff?q=")
                .doesNotContain(",office,");
    }

    @Test
    @DisplayName("paging: 50 rows a page, the next page continues")
    void paging() {
        String first = get("office", "/register/staff").body();
        assertThat(first).contains("1</span> / <span");
        assertThat(rows(first)).isBetween(1, ListView.PAGE_SIZE);
    }

    @Test
    @DisplayName("without a login: a browser is sent to the login page, a download gets 401")
    void loginRequired() {
        assertThat(get(null, "/register/staff.csv").statusCode()).isEqualTo(401);
        var html = send(null, null, HttpRequest.newBuilder(URI.create(url("/register/staff"))).header("Accept", "text/html"));
        assertThat(html.statusCode()).isEqualTo(302);
        assertThat(html.headers().firstValue("Location").orElseThrow()).contains("/register/login?next=/register/staff");
        assertThat(send("care-staff", "wrong-password1",
                HttpRequest.newBuilder(URI.create(url("/register/staff.csv")))).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("the session of a Tasklist login opens the register pages, and logging out of the register ends it")
    void tasklistSessionOpensPages() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var start = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(200);
        String xsrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        var login = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=nurse-admin&password=" + DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        var page = browser.send(HttpRequest.newBuilder(URI.create(url("/register/staff"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("nurse-admin", "中村 愛").doesNotContain("伊藤 さくら");

        String token = formToken(page.body());
        var logout = browser.send(HttpRequest.newBuilder(URI.create(url("/register/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(url("/register/staff.csv"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("our login page: a wrong password and a forged form are refused; the right one opens the page asked for")
    void loginPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(url("/register/login?next=/register/groups"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        String token = formToken(form);
        var refused = postForm(browser, "username=care-mgr&password=wrong-password1&_token=" + token);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("パスワードが正しくありません");
        assertThat(postForm(browser, "username=pharm-admin&password=" + DEMO_PASSWORD + "&_token=forged").statusCode())
                .isEqualTo(403);
        var ok = postForm(browser, "username=pharm-admin&password=" + DEMO_PASSWORD + "&next="
                + URLEncoder.encode("/register/groups", StandardCharsets.UTF_8) + "&_token=" + token);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/register/groups");
        var groupsPage = browser.send(HttpRequest.newBuilder(URI.create(url("/register/groups"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(groupsPage.statusCode()).isEqualTo(200);
        assertThat(groupsPage.body()).contains("pharm-admin").doesNotContain(RegisterFixtures.NURSE_GROUP);
        var elsewhere = postForm(browser, "username=pharm-admin&password=" + DEMO_PASSWORD
                + "&next=https://evil.example/&_token=" + formToken(groupsPage.body()));
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
    }

    private HttpResponse<String> postForm(HttpClient browser, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url("/register/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String formToken(String html) {
        Matcher m = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("form token in " + html).isTrue();
        return m.group(1);
    }

    private static int rows(String html) {
        return (int) Pattern.compile("<tr>\\s*<td>").matcher(html).results().count();
    }
}
