package org.mcsgov.web;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mcsgov.AppTestSupport;
import org.openqa.selenium.WebDriver;

/** A browser on Tasklist for each test; a failing scenario leaves a screenshot of the page it failed on. */
@ExtendWith(Browser.Required.class) // no Chromium: skipped (failed with -Dbrowser.required=true) before Spring starts
abstract class BrowserTestSupport extends AppTestSupport {

    protected Browser browser;
    protected Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(getClass().getSimpleName());
        tasklist = new Tasklist(browser.driver(), url(""));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    protected void inBrowser(Runnable scenario) {
        try {
            scenario.run();
        } catch (RuntimeException | Error failure) {
            browser.capture("failure");
            throw failure;
        }
    }

    /**
     * Waits up to 30 s for a condition. While a submitted form is replaced by the next page, the elements read are
     * stale or not there yet: that means "not yet", not a failure (a CI run failed on exactly that).
     */
    protected <T> T waitFor(Function<WebDriver, T> condition) {
        return new Page(browser.driver(), Duration.ofSeconds(30)).waitFor(condition);
    }

    /** The page's text, read again if the page was being replaced while it was read. */
    protected String pageText() {
        return waitFor(d -> d.findElement(org.openqa.selenium.By.tagName("body")).getText());
    }

    /** {@link #waitFor(Function)}, saying what it waited for when it times out. */
    protected <T> T waitFor(Function<WebDriver, T> condition, String what) {
        return new Page(browser.driver(), Duration.ofSeconds(30)).waitFor(condition, what);
    }
}
