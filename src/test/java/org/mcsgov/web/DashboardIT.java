package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mcsgov.AppTestSupport;
import org.mcsgov.platform.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ダッシュボード (issue 15) through HTTP: the office reads every facility, a facility's manager or MCS administrator
 * their own, everyone else 403 in Japanese; each chart's CSV is UTF-8 with BOM and holds the chart's figures.
 */
@DisplayName("dashboard: who reads which facilities, CSV figures and encoding (issue 15)")
class DashboardIT extends AppTestSupport {

    private static final List<String> PER_FACILITY = List.of("overdue", "training", "attestations", "devices",
            "incidents");

    @Autowired
    ApplicationContext context;
    JdbcClient jdbc;
    long campaign;

    @BeforeEach
    void fixtures() {
        var fixtures = new RegisterFixtures(context);
        campaign = fixtures.reviewCampaign(fixtures.nurseGroup());
        jdbc = context.getBean(JdbcClient.class);
    }

    @Test
    @DisplayName("the office: every facility in every chart per facility, every campaign, the charts on the page")
    void officeSeesAll() {
        List<String> facilities = jdbc.sql("SELECT name FROM facility ORDER BY id").query(String.class).list();
        for (String chart : PER_FACILITY) {
            assertThat(column(csv("office", chart), 0)).as(chart).containsExactlyElementsOf(facilities);
        }
        assertThat(column(csv("office", "reviews"), 0)).anyMatch(label -> label.startsWith("No." + campaign + " "));
        var page = get("office", "/register/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ダッシュボード", "全事業所", "/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/register/dashboard/logins.csv");
        assertThat(Pattern.compile("data-chart=").matcher(page.body()).results().count()).isEqualTo(7);
        var script = get("office", "/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(script.statusCode()).as("ECharts served by the application").isEqualTo(200);
        assertThat(script.body()).contains("echarts");
    }

    @ParameterizedTest(name = "{0} reads {1} only")
    @CsvSource({"nurse-mgr, さくら訪問看護ステーション", "clinic-admin, こだいら在宅クリニック"})
    @DisplayName("a manager or MCS administrator: their facility only, in every chart and CSV")
    void managerSeesOwnFacility(String user, String facility) {
        for (String chart : PER_FACILITY) {
            assertThat(column(csv(user, chart), 0)).as(chart).containsExactly(facility);
        }
        var page = get(user, "/register/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(facility).doesNotContain("みどり薬局");
        // the nurse station's campaign shows for its manager, not for another facility's administrator
        boolean nurse = user.startsWith("nurse");
        assertThat(column(csv(user, "reviews"), 0).stream().anyMatch(l -> l.startsWith("No." + campaign + " ")))
                .isEqualTo(nurse);
    }

    @ParameterizedTest(name = "{0}: {1} → 403")
    @CsvSource({"clinic-staff, /register/dashboard", "clinic-staff, /register/dashboard/logins.csv",
            "clinic-coord, /register/dashboard", "nurse-coord, /register/dashboard/devices.csv"})
    @DisplayName("staff and coordinators: 403 in Japanese, and no link to the dashboard")
    void othersForbidden(String user, String path) {
        var response = get(user, path);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("ダッシュボードは医師会事務局と、事業所の管理者・MCS管理者だけが閲覧できます");
        assertThat(get(user, "/register/home").body()).doesNotContain("/register/dashboard");
        assertThat(get("nurse-mgr", "/register/home").body()).contains("/register/dashboard");
    }

    @Test
    @DisplayName("CSV: UTF-8 with BOM, the chart's series as columns, the figures of the register")
    void csvContentAndEncoding() {
        var response = send("nurse-mgr", DEMO_PASSWORD, HttpRequest.newBuilder(URI.create(url(
                "/register/dashboard/devices.csv"))));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("dashboard-devices.csv");
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String[]> rows = rows(response.body());
        assertThat(rows.get(0)).containsExactly("事業所", "貸出中", "持ち出し中");
        long lent = jdbc.sql("SELECT COUNT(*) FROM device WHERE facility_id = 'nurse' AND state = 'ON_LOAN'")
                .query(Long.class).single();
        assertThat(lent).as("the demo lends NS-SP-01 to nurse-staff").isPositive();
        assertThat(rows.get(1)).containsExactly("さくら訪問看護ステーション", String.valueOf(lent),
                String.valueOf(jdbc.sql("SELECT COUNT(*) FROM device WHERE facility_id = 'nurse' AND state = 'TAKEN_OUT'")
                        .query(Long.class).single()));
        assertThat(rows(csv("office", "reviews").body()).get(0)).containsExactly("キャンペーン", "判断済み", "未判断",
                "無回答（既定を適用）");
        assertThat(rows(csv("office", "reviews").body())).anyMatch(row -> row[0].startsWith("No." + campaign + " ")
                && Long.parseLong(row[2]) >= 1);
        assertThat(get("office", "/register/dashboard/nothing.csv").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("logins per day (Asia/Tokyo): a nurse's login counts for the nurse station's manager, not the clinic's")
    void loginsPerDay() throws Exception {
        String today = EngineClock.today().toString();
        long nurseBefore = loginsToday("nurse-mgr", today);
        long clinicBefore = loginsToday("clinic-mgr", today);
        long officeBefore = loginsToday("office", today);
        login("nurse-staff");
        assertThat(loginsToday("nurse-mgr", today)).isEqualTo(nurseBefore + 1);
        assertThat(loginsToday("clinic-mgr", today)).isEqualTo(clinicBefore);
        assertThat(loginsToday("office", today)).isEqualTo(officeBefore + 1);
        List<String[]> rows = rows(csv("office", "logins").body());
        assertThat(rows).hasSize(31);   // the header and 30 days, today last
        assertThat(rows.get(30)[0]).isEqualTo(today);
    }

    private long loginsToday(String user, String today) {
        return rows(csv(user, "logins").body()).stream().filter(row -> row[0].equals(today))
                .mapToLong(row -> Long.parseLong(row[1])).findFirst().orElseThrow();
    }

    private void login(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(url("/register/login"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        var token = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        var done = browser.send(HttpRequest.newBuilder(URI.create(url("/register/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + DEMO_PASSWORD
                        + "&_token=" + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    }

    private HttpResponse<String> csv(String user, String chart) {
        var response = get(user, "/register/dashboard/" + chart + ".csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** The CSV's rows without the BOM; the dashboard's cells hold no comma or quote (names, dates, counts). */
    private static List<String[]> rows(String body) {
        return body.replace("\uFEFF", "").lines().map(line -> line.split(",", -1)).toList();
    }

    private static List<String> column(HttpResponse<String> response, int index) {
        return rows(response.body()).stream().skip(1).map(row -> row[index]).toList();
    }
}
