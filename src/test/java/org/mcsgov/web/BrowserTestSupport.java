package org.mcsgov.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mcsgov.AppTestSupport;

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
}
