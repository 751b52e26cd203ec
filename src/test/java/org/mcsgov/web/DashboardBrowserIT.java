package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * ダッシュボード in a Japanese Chromium (issue 15): the office follows the home page's link and every chart is drawn
 * by ECharts (served by the application) with its figures. Screenshot under target/screenshots, and docs/ only with
 * -Ddocs.screenshots=true.
 */
@DisplayName("browser: the office's dashboard, every chart drawn (issue 15)")
class DashboardBrowserIT extends BrowserTestSupport {

    /** Per chart: the drawn canvas's size and the data length of each series, as ECharts holds them. */
    private static final String DRAWN = """
            return Array.from(document.querySelectorAll('.chart')).map(function (el) {
              var canvas = el.querySelector('canvas');
              var chart = echarts.getInstanceByDom(el);
              return { id: el.parentElement.id, width: canvas ? canvas.clientWidth : 0,
                       height: canvas ? canvas.clientHeight : 0,
                       data: chart ? chart.getOption().series.map(function (s) { return s.data.length; }) : [] };
            });""";

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("the office opens the dashboard from the home page: seven charts, each drawn with data")
    void officeDashboard() {
        var fixtures = new RegisterFixtures(context);
        fixtures.reviewCampaign(fixtures.nurseGroup());   // a campaign, so that the review chart has a column
        inBrowser(this::scenario);
    }

    @SuppressWarnings("unchecked")
    private void scenario() {
        WebDriver driver = browser.driver();
        driver.get(url("/register/login"));
        driver.findElement(By.name("username")).sendKeys("office");
        driver.findElement(By.name("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/register/home"));
        driver.findElement(By.linkText("ダッシュボード")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/register/dashboard"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("ダッシュボード");
        assertThat(driver.findElement(By.id("dashboard-scope")).getText()).isEqualTo("全事業所");

        waitFor(d -> charts().stream().allMatch(c -> ((Number) c.get("width")).intValue() > 0));
        List<Map<String, Object>> charts = charts();
        assertThat(charts).extracting(c -> c.get("id")).containsExactly("chart-reviews", "chart-overdue",
                "chart-training", "chart-attestations", "chart-devices", "chart-incidents", "chart-logins");
        for (Map<String, Object> chart : charts) {
            assertThat(((Number) chart.get("width")).intValue()).as("width of " + chart).isPositive();
            assertThat(((Number) chart.get("height")).intValue()).as("height of " + chart).isPositive();
            assertThat((List<Number>) chart.get("data")).as("series of " + chart).isNotEmpty()
                    .allMatch(length -> length.intValue() > 0);
        }
        List<WebElement> csv = driver.findElements(By.cssSelector("a.csv"));
        assertThat(csv).hasSize(7).allMatch(a -> a.getText().equals("CSVで取り出す"));
        driver.manage().window().setSize(new Dimension(1280, 2300));   // every chart in one picture
        waitFor(d -> charts().stream().allMatch(c -> ((Number) c.get("width")).intValue() > 0));
        browser.screenshotForDocs("dashboard-office", "register-dashboard");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> charts() {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver()).executeScript(DRAWN);
    }
}
