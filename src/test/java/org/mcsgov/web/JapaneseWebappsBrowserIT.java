package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The webapps speak Japanese to a browser that asks for it (Browser: --lang=ja, Accept-Language ja): our
 * locales/ja.json and config.js (availableLocales ja, en, de) replace the webjar's English-only choice.
 */
@DisplayName("browser: Tasklist and Cockpit in Japanese for a Japanese browser")
class JapaneseWebappsBrowserIT extends BrowserTestSupport {

    @Test
    @DisplayName("the login pages of Cockpit and Tasklist and the task list show Japanese")
    void japanese() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        WebDriver driver = browser.driver();
        driver.get(url("/camunda/app/cockpit/default/"));
        loginPageInJapanese(driver);
        browser.screenshot("cockpit-login");

        driver.get(url("/camunda/app/tasklist/default/"));
        loginPageInJapanese(driver);
        browser.screenshot("tasklist-login");

        tasklist.login("clinic-coord", DEMO_PASSWORD);
        tasklist.selectFilter(Tasklist.FACILITY_FILTER);
        waitFor(d -> pageText().contains("手続きを開始") && pageText().contains("日時はこの端末のタイムゾーンで表示しています"),
                "the task list in Japanese");
        assertThat(pageText()).doesNotContain("Start process", "Date and Time displayed in local timezone");
        browser.screenshot("tasklist-list");
    }

    /** The login form: its button and placeholders (the 7.24 login page has no heading). */
    private void loginPageInJapanese(WebDriver driver) {
        waitFor(d -> d.findElements(By.cssSelector("form[name='signinForm']")).stream()
                        .anyMatch(f -> f.isDisplayed() && f.getText().contains("ログイン")
                                && "ユーザー名".equals(placeholder(f, "username"))
                                && "パスワード".equals(placeholder(f, "password"))), "the login page in Japanese");
    }

    private static String placeholder(WebElement form, String model) {
        return form.findElement(By.cssSelector("input[ng-model='" + model + "']")).getDomProperty("placeholder");
    }
}
