package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.platform.EngineClock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The register pages in the browser (A7, A8-1): the visiting-nurse station's MCS administrator, logged in to
 * Tasklist, opens the staff list, a person, the group list and a group's history (with members on day D),
 * downloads the history as CSV; a pharmacy administrator, logged in on the register's own login page, cannot open
 * that group. Each page's screenshot illustrates the README (docs/, refreshed with -Ddocs.screenshots=true).
 */
@DisplayName("browser: register pages with the webapps' login")
class RegisterBrowserIT extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;
    RegisterFixtures fixtures;

    long nurseGroup;

    @BeforeEach
    void register() {
        fixtures = new RegisterFixtures(context);
        nurseGroup = fixtures.nurseGroup();
        fixtures.reviewCampaign(nurseGroup);
    }

    @Test
    @DisplayName("A8-1: nurse-admin reads the staff and a group's history and downloads it; pharm-admin cannot open it")
    void registerPages() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        WebDriver driver = browser.driver();
        tasklist.login("nurse-admin", DEMO_PASSWORD); // the webapps' session opens the register pages too

        driver.get(url("/register/staff"));
        assertThat(pageText()).contains("職員", "中村 愛", "高橋 恵", "MCS管理者").doesNotContain("伊藤 さくら", "加藤 舞");
        shot("staff-list");
        driver.findElement(By.name("q")).sendKeys("ナカムラ");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("q=") && !pageText().contains("高橋 恵"));
        driver.findElement(By.linkText("nurse-staff")).click();
        waitFor(d -> pageText().contains("役割の履歴"));
        assertThat(pageText()).contains("中村 愛", "現在のグループ", RegisterFixtures.NURSE_GROUP, "誓約書", "パスワード管理の確認",
                "貸出中の端末");
        shot("staff-detail");

        driver.get(url("/register/facilities/nurse"));
        assertThat(pageText()).contains("さくら訪問看護ステーション", "MCS管理者", "高橋 恵", "未完了のタスク");
        shot("facility-detail");

        driver.get(url("/register/groups"));
        assertThat(pageText()).contains(RegisterFixtures.NURSE_GROUP).doesNotContain("山田 太郎様");
        shot("group-list");
        driver.findElement(By.linkText(RegisterFixtures.NURSE_GROUP)).click();
        waitFor(d -> pageText().contains("メンバー履歴"));
        ((JavascriptExecutor) driver).executeScript("const day = document.querySelector('#members-on input[name=on]');"
                + "day.value = arguments[0]; day.form.submit();", EngineClock.today().toString());
        waitFor(d -> d.getCurrentUrl().contains("on=") && !d.findElements(By.cssSelector("#members-on table")).isEmpty());
        String history = driver.findElement(By.id("history")).getText();
        // approved and ended by nurse-admin: shown by name (issue 15)
        assertThat(history).contains("佐藤 由美", "nurse-coord", "高橋 恵", RegisterFixtures.LEFT_REASON);
        assertThat(driver.findElement(By.id("members-on")).getText()).contains("中村 愛", "佐藤 由美", "渡辺 亮");
        shot("group-detail");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('members-on').scrollIntoView();");
        shot("group-history");

        String csv = download(driver.findElement(By.cssSelector("#history a.button")).getDomAttribute("href"));
        assertThat(csv).startsWith("\uFEFFグループ,氏名,ユーザーID,事業所");
        assertThat(csv.lines().skip(1)).hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("佐藤 由美", "nurse-mgr", "渡辺 亮", "高橋 恵",
                        RegisterFixtures.LEFT_REASON))
                .allSatisfy(line -> assertThat(line).startsWith(RegisterFixtures.NURSE_GROUP));

        driver.get(url("/register/memberships?group=" + nurseGroup));
        shot("membership-list");
        driver.get(url("/register/devices"));
        assertThat(pageText()).contains("NS-SP-01", "中村 愛").doesNotContain("CL-PC-01");
        shot("device-list");

        driver.findElement(By.cssSelector("form.logout button")).click();
        waitFor(d -> d.getCurrentUrl().contains("/register/login"));

        // the pharmacy's administrator logs in on the register's own page, asking for the nurse station's group
        driver.get(url("/register/groups/" + nurseGroup));
        waitFor(d -> d.getCurrentUrl().contains("/register/login"));
        driver.findElement(By.name("username")).sendKeys("pharm-admin");
        driver.findElement(By.name("password")).sendKeys(DEMO_PASSWORD);
        shot("login");
        driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/register/groups/" + nurseGroup) && pageText().contains("403"));
        assertThat(pageText()).contains("権限がありません").doesNotContain(RegisterFixtures.LEFT_REASON, "中村 愛");
        shot("forbidden");
        driver.get(url("/register/groups"));
        assertThat(pageText()).doesNotContain(RegisterFixtures.NURSE_GROUP);
        driver.findElement(By.cssSelector("form.logout button")).click();
        waitFor(d -> d.getCurrentUrl().contains("/register/login"));

        // the association office reads the audit log (A8-1)
        driver.findElement(By.name("username")).sendKeys("office");
        driver.findElement(By.name("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/register/home")); // a login lands on the home page (issue 15)
        driver.get(url("/register/audit-log"));
        assertThat(pageText()).contains("監査ログ", "ログイン", "nurse-admin");
        shot("audit-log");
        driver.get(url("/register/reviews"));
        assertThat(pageText()).contains("見直し", "さくら訪問看護ステーション");
        shot("review-list");
    }


    /** The CSV as the browser would download it: the same link, with the browser's session cookie. */
    private String download(String href) {
        var cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(href)))
                    .header("Cookie", "JSESSIONID=" + cookie.getValue()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot under target/screenshots/; with -Ddocs.screenshots=true also the README's picture of the page. */
    private void shot(String page) {
        browser.screenshotForDocs(page, "register-" + page);
    }
}
