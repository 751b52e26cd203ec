package org.mcsgov.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Page object for the Camunda 7.24 Tasklist (AngularJS) and the Camunda Forms it renders with form-js.
 * Everything waits explicitly and boundedly; nothing sleeps.
 *
 * The login ({@link TasklistLogin}), the start dialog ({@link StartDialog}) and the form ({@link TaskForm}, with the
 * DOM facts of form-js) have classes of their own; this one is what tests call.
 */
public class Tasklist {

    /** The "自分の施設のタスク（…）" filter every facility group may read. */
    public static final String FACILITY_FILTER = "自分の施設のタスク";

    private static final By COMPLETE = By.xpath("//div[@cam-tasklist-task]//div[contains(@class,'form-actions')]"
            + "//button[normalize-space(.)=" + Page.literal(Page.label("COMPLETE")) + "]");
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final By TASK_PANE = By.cssSelector("[cam-tasklist-task]");
    private static final int RELOAD_SECONDS = 2;

    private final WebDriver driver;
    private final String baseUrl;
    private final Duration timeout;
    private final Page page;
    private final TaskForm form;
    private final TasklistLogin login;
    private final StartDialog start;

    /** @param baseUrl the application, e.g. http://localhost:8080 */
    public Tasklist(WebDriver driver, String baseUrl) {
        this(driver, baseUrl, Duration.ofSeconds(20));
    }

    public Tasklist(WebDriver driver, String baseUrl, Duration timeout) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.page = new Page(driver, timeout);
        this.form = new TaskForm(driver, page);
        this.login = new TasklistLogin(driver, baseUrl, timeout, page);
        this.start = new StartDialog(driver, page);
    }

    // ------------------------------------------------------------------ session (TasklistLogin)

    /** Opens Tasklist, logs in and waits for the user menu. */
    public Tasklist login(String user, String password) {
        login.login(user, password);
        return this;
    }

    /** Waits for the user menu of Tasklist (after a login, or after the second factor's page led back). */
    public Tasklist loggedIn(String user) {
        login.loggedIn(user);
        return this;
    }

    /** Opens Tasklist and sends its login form, without waiting for what follows (e.g. the second factor's page). */
    public void submitLogin(String user, String password) {
        login.submitLogin(user, password);
    }

    /** Logs out through the user menu and waits for the login form. */
    public void logout() {
        login.logout();
    }

    /** The display name in the header (the user menu). */
    public String userName() {
        return login.userName();
    }

    // ------------------------------------------------------------------ starting (StartDialog)

    /** Opens "Start process" and waits for the start form of that definition; then {@link #fill}, {@link #submitStart()}. */
    public Tasklist startProcess(String processName) {
        start.startProcess(processName);
        return this;
    }

    /** Presses Start in the dialog and waits until the dialog is gone ("The process has been started."). */
    public Tasklist submitStart() {
        start.submitStart();
        return this;
    }

    /**
     * After a start or a completion Tasklist lists "You are assigned to the following tasks in the same process":
     * returns the id of the task of that name from its link (waits for the notification).
     */
    public String assignedTaskId(String taskName) {
        By link = By.xpath("//div[contains(@class,'page-notifications')]//a[normalize-space(.)=" + Page.literal(taskName)
                + " and contains(@href,'task=')]");
        WebElement a = page.waitFor(ExpectedConditions.presenceOfElementLocated(link));
        String id = Page.taskIdOf(a.getAttribute("href")).orElseThrow();
        dismissNotifications();
        return id;
    }

    /** Closes the notifications at the top right: they pile up and cover the form fields below them. */
    public Tasklist dismissNotifications() {
        page.dismissNotifications();
        return this;
    }

    // ------------------------------------------------------------------ task list

    /** Clicks the filter whose name starts with the given text (e.g. {@link #FACILITY_FILTER}) and waits for its list. */
    public Tasklist selectFilter(String namePrefix) {
        By filter = By.xpath("//div[contains(@class,'task-filter')]//h4[starts-with(normalize-space(.),"
                + Page.literal(namePrefix) + ")]/a");
        page.click(filter, "filter '" + namePrefix + "'");
        By active = By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//h4"
                + "[starts-with(normalize-space(.)," + Page.literal(namePrefix) + ")]");
        By error = By.cssSelector("[cam-tasks] .alert-danger");
        page.wait(timeout).withMessage(() -> "filter '" + namePrefix + "' selected and its list loaded; shown: "
                        + driver.findElements(error).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList())
                .until(d -> d.findElements(active).size() == 1
                        && !Page.visible(d, By.cssSelector("[cam-tasks] .loader")) && !Page.visible(d, error)
                        && (Page.visible(d, By.cssSelector("ol.tasks-list")) || Page.visible(d, By.cssSelector("[cam-tasks] .well"))));
        return this;
    }

    /** Opens the newest task of that name in the current filter (waits and reloads until it is listed). */
    public String openTask(String taskName) {
        return openTask(taskName, null);
    }

    /**
     * Opens the task of that name (and id, if given) in the current filter. Tasks created by the job executor appear
     * some seconds later: the page is reloaded every {@value #RELOAD_SECONDS} s until the task is listed, for at most
     * three times the timeout. Waits for the task's form and returns the task id.
     */
    public String openTask(String taskName, String taskId) {
        By link = By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space(.)="
                + Page.literal(taskName) + (taskId == null ? "" : " and contains(@href," + Page.literal("task=" + taskId) + ")")
                + "]");
        Instant[] reload = {Instant.now().plusSeconds(RELOAD_SECONDS)};
        String id = page.wait(timeout.multipliedBy(3))
                .withMessage(() -> "task '" + taskName + "'" + (taskId == null ? "" : " (" + taskId + ")")
                        + " not listed; the list shows " + listedTasks())
                .until(d -> {
                    for (WebElement a : d.findElements(link)) {
                        if (a.isDisplayed()) {
                            return Page.taskIdOf(a.getDomAttribute("href")).orElse(null);
                        }
                    }
                    if (Instant.now().isAfter(reload[0])) {
                        d.navigate().refresh();
                        reload[0] = Instant.now().plusSeconds(RELOAD_SECONDS);
                    }
                    return null;
                });
        dismissNotifications();
        page.click(By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[contains(@href,"
                + Page.literal("task=" + id) + ")]"), "task '" + taskName + "' in the list");
        waitForTaskForm(taskName, id);
        return id;
    }

    /**
     * Claims the open task: a task offered to candidate groups only (no assignee) shows its form with Complete
     * disabled until someone claims it. Waits until the pane shows the task as assigned and its form again; fill
     * the form after claiming (the form is rendered anew).
     */
    public Tasklist claim() {
        String url = driver.getCurrentUrl();
        String taskId = Page.taskIdOf(url).orElseThrow(() -> new IllegalStateException("no task open: " + url));
        By claim = By.cssSelector("[cam-tasklist-task] button.claim");
        page.click(claim, "Claim");
        page.waitFor(d -> {
            page.failOnError("claiming task " + taskId);
            WebElement pane = d.findElement(TASK_PANE);
            return !Page.visible(pane, claim) && Page.visible(pane, By.cssSelector("li.assignee"))
                    && Page.visible(pane, By.cssSelector(".fjs-form"));
        }, "task " + taskId + " claimed");
        dismissNotifications();
        return this;
    }

    /** The task names in the list now (for messages). */
    public List<String> listedTasks() {
        return driver.findElements(By.cssSelector("ol.tasks-list h4.task a")).stream()
                .map(a -> a.getText().trim()).toList();
    }

    /** The text of that task's entry in the list now (name, due date, …), or empty while it is not listed. */
    public Optional<String> listedEntry(String taskId) {
        return driver.findElements(By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4[contains(@class,'task')]"
                + "/a[contains(@href," + Page.literal("task=" + taskId) + ")]]")).stream().map(WebElement::getText).findFirst();
    }

    /** The ids of the tasks in the list now (from their links), e.g. to check that a task is not listed. */
    public List<String> listedTaskIds() {
        return driver.findElements(By.cssSelector("ol.tasks-list h4.task a")).stream()
                .map(a -> Page.taskIdOf(a.getDomAttribute("href")).orElse("?")).toList();
    }

    /** The names of the filters this user is shown, in their order (waits until at least one is listed). */
    public List<String> filterNames() {
        By names = By.cssSelector("div.task-filter h4 a");
        return page.waitFor(d -> {
            List<String> shown = d.findElements(names).stream().filter(WebElement::isDisplayed)
                    .map(a -> a.getText().trim()).filter(t -> !t.isEmpty()).toList();
            return shown.isEmpty() ? null : shown;
        }, "the filter list");
    }

    private void waitForTaskForm(String taskName, String taskId) {
        page.waitFor(d -> {
            if (!d.getCurrentUrl().contains("task=" + taskId)) {
                return false;
            }
            WebElement pane = d.findElement(TASK_PANE);
            return pane.getText().trim().startsWith(taskName)
                    && Page.visible(pane, By.cssSelector(".fjs-form"))
                    && Page.visible(pane, By.xpath(".//div[contains(@class,'form-actions')]//button[normalize-space(.)=" + Page.literal(Page.label("COMPLETE")) + "]"));
        }, "form of task '" + taskName + "' (" + taskId + ")");
    }

    // ------------------------------------------------------------------ Camunda Forms (TaskForm)

    /** Fills the field with that label in the open form (start dialog or task); see {@link TaskForm#fill}. */
    public Tasklist fill(String label, String value) {
        form.fill(label, value);
        return this;
    }

    public Tasklist fill(String label, LocalDate date) {
        return fill(label, date.toString());
    }

    /** Types a date as a person would and returns what the picker then shows (yyyy/mm/dd), or "" when refused. */
    public String typeDate(String label, String text) {
        return form.typeDate(label, text);
    }

    /** Empties a text field and leaves it, so that form-js checks it (its required message). */
    public Tasklist clear(String label) {
        form.clear(label);
        return this;
    }

    /** Unticks the option whose label contains the text in a checklist (e.g. a member preset as kept). */
    public Tasklist untick(String label, String option) {
        form.untick(label, option);
        return this;
    }

    /** The current value of a text field, text area, date or select as shown (read-only fields included). */
    public String value(String label) {
        return form.value(label);
    }

    /**
     * The validation messages form-js shows once it has re-checked what was typed last: its text fields report a
     * change debounced, so a message about the previous value may stand for a moment (empty when the form is valid
     * as far as it has been touched).
     */
    public List<String> validationErrors() {
        try {
            page.wait(SETTLE).until(d -> form.validationErrors().isEmpty());
        } catch (org.openqa.selenium.TimeoutException stillInvalid) {
            // the messages stand: the caller looks at them
        }
        return form.validationErrors();
    }

    /** Presses Complete on the open task, which the server refuses: the red notification's text (the task stays). */
    public String completeRefused() {
        page.click(COMPLETE, "the Complete button");
        return page.waitFor(d -> d.findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank()).findFirst()
                .orElse(null), "the refusal");
    }

    /**
     * Presses Complete on the open task and waits until Tasklist has submitted it (the task leaves the view);
     * a server-side error (e.g. a validation delegate's message) fails with its text.
     */
    public void complete() {
        String url = driver.getCurrentUrl();
        String taskId = Page.taskIdOf(url).orElseThrow(() -> new IllegalStateException("no task open: " + url));
        validationErrors(); // the last typed value checked before the click (form-js's debounce)
        page.click(COMPLETE, "the Complete button");
        page.waitFor(d -> {
            page.failOnError("completing task " + taskId);
            List<String> invalid = form.validationErrors();
            if (!invalid.isEmpty()) {
                throw new AssertionError("the form is invalid: " + invalid);
            }
            return !d.getCurrentUrl().contains("task=" + taskId);
        }, "task " + taskId + " to be completed");
    }

}
