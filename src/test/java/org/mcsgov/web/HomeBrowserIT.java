package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The home page in a Japanese Chromium (issue 15): the clinic's MCS administrator sees her coordinator's invitation
 * in 申請一覧 with who holds it next; the coordinator withdraws another with a typed reason; after a rejection the
 * coordinator reads the reason on her home page. Screenshots under target/screenshots only.
 */
@DisplayName("browser: home page, 申請一覧, 取り下げ and a rejection's reason (issue 15)")
class HomeBrowserIT extends BrowserTestSupport {

    @Test
    @DisplayName("an MCS administrator's and a coordinator's 申請一覧, 取り下げ in the UI, a rejection's reason")
    void home() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        long rejected = requestInvitation();   // one open invitation per person and group: the rejection first
        String rejectTask = invitationApprovalTask(rejected).get("id").asText();
        var decided = post("nurse-admin", "/engine-rest/task/" + rejectTask + "/complete",
                variables(Map.of("decision", "reject", "decisionComment", "同じ職員が既に参加しているため")));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        long waiting = requestInvitation();
        invitationApprovalTask(waiting);

        // the clinic's MCS administrator: her facility's requests, with the one who holds each next
        login("clinic-admin");
        assertThat(pageText()).contains("申請一覧", "マイタスク", "こだいら在宅クリニック");
        assertThat(rowText("invitation:" + waiting)).contains("承認待ち", "さくら訪問看護ステーションのMCS管理者",
                // the earlier requests about the same person and group (other ITs' too), the rejection among them
                "以前の申請: #", "#" + rejected + " 却下（同じ職員が既に参加しているため）");
        browser.screenshotForDocs("home-mcs-admin", "home-mcs-admin");
        logout();

        // the coordinator withdraws the waiting one, typing the reason
        login("clinic-coord");
        assertThat(rowText("invitation:" + rejected)).contains("却下", "同じ職員が既に参加しているため");
        browser.screenshotForDocs("home-rejected", "home-rejected");
        WebElement row = row("invitation:" + waiting);
        row.findElement(By.name("reason")).sendKeys("患者さんが入院したため");
        row.findElement(By.cssSelector("form.withdraw button")).click();
        waitFor(d -> pageText().contains("申請を取り下げました"));
        assertThat(rowText("invitation:" + waiting)).contains("取り下げ", "患者さんが入院したため");
        assertThat(row("invitation:" + waiting).findElements(By.cssSelector("form.withdraw"))).isEmpty();
        browser.screenshotForDocs("home-withdrawn", "home-withdrawn");
    }

    private void login(String user) {
        WebDriver driver = browser.driver();
        driver.get(url("/"));
        waitFor(d -> d.getCurrentUrl().contains("/register/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
        // the address changes before the home page replaces the login form (CI once read the form's text)
        waitFor(d -> d.getCurrentUrl().endsWith("/register/home") && !d.findElements(By.cssSelector("form.logout")).isEmpty());
    }

    private void logout() {
        browser.driver().findElement(By.cssSelector("form.logout button")).click();
        waitFor(d -> d.getCurrentUrl().contains("/register/login"));
    }

    private WebElement row(String businessKey) {
        return browser.driver().findElement(By.cssSelector("tr[data-key='" + businessKey + "']"));
    }

    /** A row's text, read again if the page was being replaced. */
    private String rowText(String businessKey) {
        return waitFor(d -> row(businessKey).getText());
    }
}
