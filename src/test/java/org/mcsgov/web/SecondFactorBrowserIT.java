package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.security.factor.Base32;
import org.mcsgov.security.factor.FactorRequirement;
import org.mcsgov.security.factor.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second factor in the browser (A11-3): a person enrols with a code the test computes from the shown key, logs in
 * to Tasklist with a code, with a recovery code once (refused the second time); a facility manager makes the factor
 * mandatory on the facility page and the facility's staff are led to the enrolment at their next login. Fresh people
 * only, so the demo users keep their password-only login for the other tests.
 */
@DisplayName("browser: second factor — enrolment, login with a code, recovery code once, mandatory per facility")
class SecondFactorBrowserIT extends BrowserTestSupport {

    private static final String PASSWORD = "Factor2026x";

    @Autowired DirectoryService directory;
    @Autowired FactorRequirement requirement;
    @Autowired JdbcClient jdbc;

    private String person(String facility) {
        String user = "tf" + UUID.randomUUID().toString().substring(0, 8);
        directory.registerStaff(new NewStaff(facility, user, "二要素 太郎", "ニヨウソ タロウ", "看護師",
                user + "@example.jp", PASSWORD, Set.of()), "test", null);
        return user;
    }

    @Test
    @DisplayName("enrol from the shown key, log in with a code, a recovery code works once")
    void enrolAndLogIn() {
        String user = person("nurse");
        inBrowser(() -> {
            WebDriver driver = browser.driver();
            tasklist.login(user, PASSWORD);   // no factor yet: the password alone, as before
            driver.get(url("/account/2fa/enrol"));
            byte[] secret = Base32.decode(driver.findElement(By.id("manual-key")).getText());
            assertThat(driver.findElements(By.cssSelector("div.qr svg"))).hasSize(1);
            browser.screenshotForDocs("enrolment", "second-factor-enrolment");
            long step = Totp.step(EngineClock.now());
            type("code", Totp.code(secret, step));
            List<String> recovery = driver.findElements(By.cssSelector("#recovery-codes code")).stream()
                    .map(WebElement::getText).toList();
            assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
            browser.screenshot("recovery-codes");

            logOutEverywhere();
            tasklist.submitLogin(user, PASSWORD);
            waitFor(d -> d.getCurrentUrl().contains("/account/2fa"));
            browser.screenshotForDocs("code-page", "second-factor-code");
            type("code", Totp.code(secret, step));   // the enrolment's code again: used once already
            awaitText("既に使われています");
            long next = afterFailedAttempt();
            type("code", Totp.code(secret, next));
            tasklist.loggedIn(user);

            logOutEverywhere();
            tasklist.submitLogin(user, PASSWORD);
            waitFor(d -> d.getCurrentUrl().contains("/account/2fa"));
            type("code", recovery.get(0));
            tasklist.loggedIn(user);

            logOutEverywhere();
            tasklist.submitLogin(user, PASSWORD);
            waitFor(d -> d.getCurrentUrl().contains("/account/2fa"));
            type("code", recovery.get(0));
            awaitText("既に使われています");
            browser.screenshot("recovery-code-refused");
        });
        assertThat(audit(user, "LOGIN", "second factor: code accepted")).isEqualTo(1);
        assertThat(audit(user, "LOGIN", "recovery code used, 9 left")).isEqualTo(1);
        assertThat(audit(user, "LOGIN_FAILED", "second factor refused")).isEqualTo(2);
        assertThat(audit(user, "CHANGE", "second factor enrolled")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?").param(user).query(Integer.class)
                .single()).as("a wrong code counts like a wrong password").isEqualTo(1);
    }

    @Test
    @DisplayName("the facility's manager makes the factor mandatory; its staff are led to the enrolment at the next login")
    void mandatoryForFacility() {
        String user = person("care");
        try {
            inBrowser(() -> {
                WebDriver driver = browser.driver();
                tasklist.login("care-mgr", DEMO_PASSWORD);
                driver.get(url("/register/facilities/care"));
                driver.findElement(By.cssSelector("#second-factor input[name=reason]")).sendKeys("MCSの設定に合わせる");
                driver.findElement(By.id("factor-toggle")).click();
                waitFor(d -> d.getCurrentUrl().contains("factorSet"));
                assertThat(driver.findElement(By.id("second-factor")).getText()).contains("この事業所: 必須",
                        "MCSの設定に合わせる", "care-mgr");
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "document.getElementById('second-factor').scrollIntoView()");
                browser.screenshotForDocs("facility-mandatory", "second-factor-facility");

                logOutEverywhere();
                tasklist.submitLogin(user, PASSWORD);
                waitFor(d -> d.getCurrentUrl().contains("/account/2fa/enrol"));
                byte[] secret = Base32.decode(driver.findElement(By.id("manual-key")).getText());
                type("code", "000000".equals(Totp.code(secret, Totp.step(EngineClock.now()))) ? "111111" : "000000");
                awaitText("確認コードが正しくない");
                browser.screenshot("enrolment-at-login");
                type("code", Totp.code(secret, afterFailedAttempt()));
                driver.findElement(By.id("continue")).click();
                tasklist.loggedIn(user);
            });
        } finally {
            requirement.set("care", false, "試験の後始末", "care-mgr");
        }
        assertThat(audit(user, "LOGIN", "second factor enrolled")).isEqualTo(1);
        assertThat(audit("care-mgr", "CHANGE", "second factor required for care")).isEqualTo(1);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * After a failed code the engine makes the next attempt wait (login-delay-base), as after a wrong password: the
     * engine's clock moves a minute on (two time steps), and the step of the next code is returned.
     */
    private static long afterFailedAttempt() {
        ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofMinutes(1))));
        return Totp.step(EngineClock.now());
    }

    private void logOutEverywhere() {
        browser.driver().manage().deleteAllCookies();
    }

    private void type(String field, String value) {
        WebElement input = browser.driver().findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
        input.submit();
        waitFor(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** The answer page of a submitted code: waited for, since the page submitted from may still be the one shown. */
    private void awaitText(String expected) {
        waitFor(d -> pageText().contains(expected), expected);
    }

    private long audit(String user, String event, String detail) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND event = ? AND detail LIKE ?")
                .params(user, event, "%" + detail + "%").query(Long.class).single();
    }
}
