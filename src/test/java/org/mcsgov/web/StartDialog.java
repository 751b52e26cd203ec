package org.mcsgov.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Tasklist's "Start process" dialog (definitions listed as {@code ul.processes a} by name), for {@link Tasklist}. */
final class StartDialog {

    private static final By MODAL = By.cssSelector(".modal-dialog");

    private final WebDriver driver;
    private final Page page;

    StartDialog(WebDriver driver, Page page) {
        this.driver = driver;
        this.page = page;
    }

    /**
     * Opens "Start process", picks the definition by its name and waits for its start form (a Camunda Form or the
     * generic form of a process without one). Fill it with {@link Tasklist#fill}, then {@link #submitStart()}.
     */
    void startProcess(String processName) {
        page.click(By.xpath("//a[contains(normalize-space(.)," + Page.literal(Page.label("START_PROCESS")) + ")]"), "Start process");
        WebElement modal = page.waitFor(ExpectedConditions.visibilityOfElementLocated(MODAL));
        By entry = By.xpath("//div[contains(@class,'modal-dialog')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
                + Page.literal(processName) + "]");
        page.click(entry, "process '" + processName + "' in the Start process dialog");
        long[] clicked = {System.nanoTime()};
        page.waitFor(d -> {
            if (formShown(modal, processName)) {
                return true;
            }
            // a click while the dialog is still being wired up is lost (a CI run stayed on the list): click again
            if (System.nanoTime() - clicked[0] > 3_000_000_000L && Page.visible(d, entry)) {
                page.click(d.findElement(entry));
                clicked[0] = System.nanoTime();
            }
            return false;
        }, "start form of '" + processName + "'");
    }

    /** The definition's start form: a Camunda Form, the generic form, or the business-key field of one without. */
    private static boolean formShown(WebElement modal, String processName) {
        return modal.findElements(By.xpath(".//h3[contains(normalize-space(.)," + Page.literal(processName) + ")]"))
                .stream().anyMatch(WebElement::isDisplayed)
                && (Page.visible(modal, By.cssSelector(".fjs-form")) || Page.visible(modal, By.cssSelector("[cam-tasklist-form-generic]"))
                        || Page.visible(modal, By.xpath(".//*[contains(.," + Page.literal(Page.label("BUSINESS_KEY")) + ")]")));
    }

    /** Presses Start in the dialog and waits until the dialog is gone ("The process has been started."). */
    void submitStart() {
        WebElement modal = driver.findElement(MODAL);
        page.click(By.xpath("//div[contains(@class,'modal-dialog')]//div[contains(@class,'modal-footer')]"
                + "//button[normalize-space(.)=" + Page.literal(Page.label("START")) + "]"), "the Start button");
        page.waitFor(d -> {
            try {
                for (WebElement error : modal.findElements(By.cssSelector(".alert-danger"))) {
                    if (error.isDisplayed() && !error.getText().isBlank()) {
                        throw new AssertionError("starting the process failed: " + error.getText().trim());
                    }
                }
                return !modal.isDisplayed();
            } catch (WebDriverException e) {
                if (Page.detached(e)) {
                    return true; // the dialog has been removed from the page
                }
                throw e;
            }
        }, "the Start process dialog to close");
        page.waitFor(d -> page.notificationText().contains(Page.label("PROCESS_START_OK")), "'" + Page.label("PROCESS_START_OK") + "'");
    }
}
