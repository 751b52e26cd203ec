package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Camunda's webapps around our Japanese (issue 15), in a Japanese Chromium: no end-of-life banner, the Welcome page
 * replaced by our home page, the header's link to the 台帳, 「タスクを作成」 only for who may create tasks, a refusal
 * of a step in Japanese only, Cockpit and Admin pages in Japanese, and no register link into Cockpit for those it
 * would refuse.
 */
@DisplayName("browser: the webapps around our Japanese pages")
class WebappsBrowserIT extends BrowserTestSupport {

    @Test
    @DisplayName("a clinician: no EOL banner, no 「タスクを作成」, the header leads to the 台帳, welcome leads home, no Cockpit link")
    void clinician() {
        inBrowser(() -> {
            WebDriver driver = browser.driver();
            tasklist.login("clinic-coord", DEMO_PASSWORD);
            WebElement home = waitFor(d -> d.findElements(By.cssSelector("[cam-widget-header] li.mcs-home > a")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null), "the header's link to the 台帳");
            assertThat(home.getText()).isEqualTo("ホーム・台帳");
            assertThat(visible(driver, ".ce-eol-banner")).as("the CE end-of-life banner").isFalse();
            assertThat(visible(driver, ".create-task-action")).as("「タスクを作成」 for a clinician").isFalse();
            assertThat(pageText()).doesNotContain(Page.label("CREATE_TASK"));
            browser.screenshot("tasklist-header");

            home.click();
            waitFor(d -> d.getCurrentUrl().endsWith("/register/home"), "the home page from the header");
            assertThat(driver.findElements(By.cssSelector("a[href='/camunda/app/tasklist/']"))).isNotEmpty();

            driver.get(url("/camunda/app/welcome/default/"));
            waitFor(d -> d.getCurrentUrl().endsWith("/register/home"), "the home page instead of Camunda's Welcome");

            // a coordinator may not use Cockpit: Camunda's refusal in Japanese, and no register page links there
            driver.get(url("/camunda/app/cockpit/default/"));
            waitFor(d -> pageText().contains("（403）"), "Cockpit's refusal");
            assertThat(pageText()).contains("Cockpit（プロセスの状況）を利用する権限がありません", "（403）")
                    .doesNotContain("No access rights", "Forbidden");
            for (String page : List.of("/register/groups", "/register/staff", "/register/home")) {
                driver.get(url(page));
                assertThat(driver.findElements(By.cssSelector("a[href*='/camunda/app/cockpit']"))).as(page).isEmpty();
            }
        });
    }

    @Test
    @DisplayName("the office: Cockpit's task dashboard in Japanese, and the register's links into Cockpit")
    void cockpitInJapanese() {
        inBrowser(() -> {
            WebDriver driver = browser.driver();
            tasklist.login("office", DEMO_PASSWORD);
            driver.get(url("/register/groups"));
            assertThat(driver.findElements(By.cssSelector("a[href*='/camunda/app/cockpit']"))).isNotEmpty();

            driver.get(url("/camunda/app/cockpit/default/#/tasks"));
            String byType = cockpitLabel("PLUGIN_TASK_ASSIGNMENT_BY_TYPE");
            String assigned = cockpitLabel("PLUGIN_TASK_ASSIGNED_TO_USER");
            // its rows are read with $translate.instant() before the locale may have loaded: labelled, never the key;
            // the table by group and its footer come with a later request (a CI run read the page before the footer)
            List<String> labels = List.of(byType, assigned, cockpitLabel("TASKS_HUMAN_TASKS"),
                    cockpitLabel("PLUGIN_TASK_ASSIGNMENT_BY_GROUP"), cockpitLabel("PLUGIN_TASK_LEGEND_FOOTER"));
            waitFor(d -> labels.stream().allMatch(pageText()::contains), "Cockpit's task dashboard, both tables");
            assertThat(pageText()).doesNotContain("Human Tasks", "Assignments by", "A task may have", "It is time to migrate",
                            "PLUGIN_TASK_");
            assertThat(visible(driver, ".ce-eol-banner")).isFalse();
            browser.screenshot("cockpit-tasks");
        });
    }

    @Test
    @DisplayName("the administrator: Admin's tenants page in Japanese; 「タスクを作成」 offered, since they may create tasks")
    void adminInJapanese() {
        inBrowser(() -> {
            WebDriver driver = browser.driver();
            tasklist.login("admin", "admin1234");
            waitFor(d -> visible(d, ".create-task-action"), "「タスクを作成」 for the administrator");

            driver.get(url("/camunda/app/admin/default/#/tenants"));
            waitFor(d -> pageText().contains("テナントの一覧"), "Admin's tenants page in Japanese");
            assertThat(pageText()).doesNotContain("List of Tenants", "Create New Tenant", "It is time to migrate");
            browser.screenshot("admin-tenants");
        });
    }

    @Test
    @DisplayName("a step refusing input: Tasklist shows its Japanese message, without 'Cannot submit task form', id or English")
    void refusalInJapanese() {
        long invitation = requestInvitation();
        JsonNode task = invitationApprovalTask(invitation);
        try {
            inBrowser(() -> refusal(task));
        } finally {
            // the invitation stays open after the refusal: withdrawn, so the next test may invite the same person
            var withdrawn = post("clinic-coord", "/api/invitations/" + invitation + "/cancel", Map.of("reason", "試験の後片付け"));
            assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        }
    }

    private void refusal(JsonNode task) {
        String taskId = task.path("id").asText();
        tasklist.login("nurse-admin", DEMO_PASSWORD);
        tasklist.selectFilter(Tasklist.FACILITY_FILTER);
        tasklist.openTask(task.path("name").asText(), taskId);
        // the approval is due (approval.bpmn): its entry in the list says when in Japanese (「7日後」), not "in 7 days".
        // Read from this task's own entry once it is listed: a CI run read the whole list before it showed this task
        String listed = waitFor(d -> tasklist.listedEntry(taskId)
                .filter(text -> text.matches("(?s).*[0-9数](日|時間|分|か月|年)後.*")).orElse(null),
                "a relative due date in Japanese on the task's entry in the list");
        assertThat(listed).doesNotContainPattern("in (a|an|\\d+) (day|hour|minute|month)");
        tasklist.claim();
        tasklist.fill("判断", "却下");   // without the reason a rejection needs
        String refusal = tasklist.completeRefused();
        browser.screenshot("refusal");
        assertThat(refusal).contains("却下・差し戻しには理由を入力してください")
                .doesNotContain("Cannot submit task form", taskId, "a reason is required");
    }

    private static boolean visible(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    private static String cockpitLabel(String key) {
        try (var in = WebappsBrowserIT.class.getResourceAsStream(
                "/META-INF/resources/webjars/camunda/app/cockpit/locales/ja.json")) {
            return JSON.readTree(in).path("labels").path(key).asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
