package org.mcsgov.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a page object of the Camunda webapps does with the browser: wait boundedly, click what may be covered or
 * re-rendered, read Tasklist's Japanese labels and its red notifications.
 */
final class Page {

    private static final JsonNode LABELS = labels();
    private static final Pattern TASK_ID = Pattern.compile("[?&]task=([0-9a-fA-F-]+)");

    private final WebDriver driver;
    private final Duration timeout;

    Page(WebDriver driver, Duration timeout) {
        this.driver = driver;
        this.timeout = timeout;
    }

    String notificationText() {
        return driver.findElements(By.cssSelector(".page-notifications .alert")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    /** Fails on a red notification (server error) that Tasklist shows at the top of the page or in the dialog. */
    void failOnError(String what) {
        for (WebElement alert : driver.findElements(By.cssSelector(".page-notifications .alert-danger, .modal-dialog .notifications .alert-danger"))) {
            if (alert.isDisplayed() && !alert.getText().isBlank()) {
                throw new AssertionError(what + " failed: " + alert.getText().replace("×", "").trim());
            }
        }
    }

    /** Finds and clicks, again if the list or form re-rendered in between (a stale element), within the timeout. */
    void click(By by, String what) {
        waitFor(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            click(element);
            return true;
        }, what + " to click");
    }

    /** Scrolls to the middle (the fixed footer hides the bottom of the task pane) and clicks; if still covered, by script. */
    void click(WebElement element) {
        scrollIntoView(element);
        try {
            element.click();
        } catch (ElementClickInterceptedException covered) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
    }

    void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    static boolean visible(SearchContext context, By by) {
        try {
            return context.findElements(by).stream().anyMatch(WebElement::isDisplayed);
        } catch (WebDriverException e) {
            if (detached(e)) {
                return false;
            }
            throw e;
        }
    }

    <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return wait(timeout).until(condition);
    }

    <T> T waitFor(java.util.function.Function<WebDriver, T> condition, String what) {
        return wait(timeout).withMessage("waiting for " + what).until(condition);
    }

    /** A bounded wait to which an element of a page being replaced means "not yet" (see {@link #detached}). */
    WebDriverWait wait(Duration duration) {
        WebDriverWait wait = new WebDriverWait(driver, duration, Duration.ofMillis(200)) {
            @Override
            public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> isTrue) {
                return super.until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (WebDriverException e) {
                        if (detached(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
        wait.ignoring(NoSuchElementException.class);
        return wait;
    }

    /**
     * Whether the browser refused an element because its page was being replaced. Chromium says so either as a stale
     * element or as an "unknown error" about a node that no longer belongs to the document: a CI run failed on the
     * latter, which Selenium does not map to {@link StaleElementReferenceException}.
     */
    static boolean detached(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * A Tasklist label as the test browser sees it: it asks for Japanese (Browser: --lang=ja), so Tasklist shows the
     * labels of this application's locales/ja.json.
     */
    public static String label(String key) {
        JsonNode label = LABELS.get(key);
        if (label == null) {
            throw new IllegalArgumentException("no Japanese Tasklist label " + key);
        }
        return label.asText();
    }

    private static JsonNode labels() {
        try (InputStream in = Tasklist.class.getResourceAsStream(
                "/META-INF/resources/webjars/camunda/app/tasklist/locales/ja.json")) {
            return new ObjectMapper().readTree(in).get("labels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XPath string literal for any text (Japanese brackets and quotes included). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** Closes the notifications at the top right: they pile up and cover the form fields below them. */
    void dismissNotifications() {
        By close = By.cssSelector(".page-notifications .alert button.close");
        for (WebElement button : driver.findElements(close)) {
            try {
                if (button.isDisplayed()) {
                    button.click();
                }
            } catch (ElementClickInterceptedException covered) {
                // under another one: the wait below decides
            } catch (WebDriverException e) {
                if (!detached(e)) {
                    throw e;
                }
                // closed meanwhile: the wait below decides
            }
        }
        waitFor(d -> d.findElements(close).stream().noneMatch(WebElement::isDisplayed), "notifications closed");
    }

    /** The task id in a Tasklist address (?task=…), if any. */
    static Optional<String> taskIdOf(String url) {
        Matcher m = TASK_ID.matcher(url == null ? "" : url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
