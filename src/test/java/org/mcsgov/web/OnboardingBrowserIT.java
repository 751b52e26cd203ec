package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Onboarding in the browser (A8-5, A9-1, N3-5): clinic-admin registers a new person in Tasklist, records the
 * pledge in its Japanese form (the five points shown), the profile and the initial password; the new person can
 * then log in to Tasklist, and not before.
 */
@DisplayName("browser: staff onboarding with the pledge in Tasklist")
class OnboardingBrowserIT extends BrowserTestSupport {

    private static final String ADMIN = "clinic-admin";
    private static final String PASSWORD = "welcome2026";
    private static final String CHANGED = "changed2026";

    @Test
    @DisplayName("A8-5/A9-1/N3-5: register, sign the pledge, profile; the new person logs in with the initial password")
    void onboardingWithPledge() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        String userId = "new" + UUID.randomUUID().toString().substring(0, 8);
        tasklist.login(ADMIN, DEMO_PASSWORD);
        tasklist.selectFilter(Tasklist.FACILITY_FILTER);

        tasklist.startProcess("職員の登録（入職）");
        tasklist.fill("ユーザーID", userId)
                .fill("氏名", "新人 花子")
                .fill("ふりがな（全角カタカナ）", "シンジン ハナコ")
                .fill("職種", "看護師")
                .fill("メールアドレス", userId + "@example.jp");
        assertThat(tasklist.validationErrors()).isEmpty();
        browser.screenshot("onboarding-start-form");
        tasklist.submitStart();
        assertThat(get(userId, "/api/staff/" + userId + "/groups").statusCode()).isEqualTo(401);

        tasklist.openTask("誓約書への署名", tasklist.assignedTaskId("誓約書への署名"));
        assertThat(browser.driver().getPageSource()).contains("誓約書（守秘の誓約、A9-1）", "誓約の項目");
        assertThat(tasklist.value("誓約の項目")).contains("ルールを守ります", "退職後も同じです", "端末", "目的以外に使いません",
                "プライバシーを侵害しません");
        tasklist.fill("誓約", "署名した").fill("署名（本人の氏名）", "新人 花子");
        browser.screenshot("pledge-form");
        tasklist.complete();

        tasklist.openTask("プロフィールの登録", tasklist.assignedTaskId("プロフィールの登録"));
        tasklist.fill("表示名", "新人 花子（看護師）").fill("初期パスワード", PASSWORD);
        browser.screenshot("profile-form");
        tasklist.complete();
        tasklist.logout();

        // A11-3: the initial password is refused until the person changes it on the page the refusal names
        var refused = send(userId, PASSWORD, java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("/engine-rest/task"))).GET());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("/account/password.html");
        changePassword(userId, PASSWORD, CHANGED);

        tasklist.login(userId, CHANGED);
        assertThat(tasklist.userName()).contains("新人 花子");
        browser.screenshot("new-person-logged-in");
        tasklist.logout();
    }

    private void changePassword(String userId, String current, String replacement) {
        WebDriver driver = browser.driver();
        driver.get(url("/account/password.html"));
        driver.findElement(By.name("userId")).sendKeys(userId);
        driver.findElement(By.name("currentPassword")).sendKeys(current);
        driver.findElement(By.name("newPassword")).sendKeys(replacement);
        driver.findElement(By.name("repeat")).sendKeys(replacement);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("result")).getText().contains("パスワードを変更しました"), "the password changed");
        browser.screenshot("password-changed");
        driver.get(url("/camunda/app/tasklist/"));
    }
}
