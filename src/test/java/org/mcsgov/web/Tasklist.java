package org.mcsgov.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page object for the Camunda 7.24 Tasklist (AngularJS) and the Camunda Forms it renders with form-js.
 * Everything waits explicitly and boundedly; nothing sleeps.
 *
 * <p>DOM facts (verified on 7.24.0): the login form has inputs ng-model=username/password; the "Start process"
 * dialog lists definitions as {@code ul.processes a} by name; a form-js field is
 * {@code div.fjs-form-field.fjs-form-field-<type>} whose {@code <label for>} points at the input
 * ({@code fjs-form-<random>-<componentId>}, dates {@code ...-date}); radio groups have a label without {@code for}
 * and one {@code <label for><input type=radio>option</label>} per option; a searchable select is a text input with a
 * {@code div.fjs-dropdownlist} of {@code div.fjs-dropdownlist-item}s; the date picker (flatpickr) takes typed text
 * in the format of its placeholder (mm/dd/yyyy).
 */
public class Tasklist {

    /** The "自分の施設のタスク（…）" filter every facility group may read. */
    public static final String FACILITY_FILTER = "自分の施設のタスク";

    private static final By USERNAME = By.cssSelector("input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
    private static final By SIGNIN_FORM = By.cssSelector("form[name='signinForm']");
    private static final By USER_MENU = By.cssSelector("li.account > a.dropdown-toggle");
    private static final By MODAL = By.cssSelector(".modal-dialog");
    private static final By TASK_PANE = By.cssSelector("[cam-tasklist-task]");
    private static final int RELOAD_SECONDS = 2;
    private static final Duration LOGIN_RELOAD = Duration.ofSeconds(8);
    private static final JsonNode LABELS = labels();
    private static final Pattern TASK_ID = Pattern.compile("[?&]task=([0-9a-fA-F-]+)");

    private final WebDriver driver;
    private final String baseUrl;
    private final Duration timeout;

    /** @param baseUrl the application, e.g. http://localhost:8080 */
    public Tasklist(WebDriver driver, String baseUrl) {
        this(driver, baseUrl, Duration.ofSeconds(20));
    }

    public Tasklist(WebDriver driver, String baseUrl, Duration timeout) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    // ------------------------------------------------------------------ session

    /** Opens Tasklist, logs in and waits for the user menu. */
    public Tasklist login(String user, String password) {
        submitLogin(user, password);
        return loggedIn(user);
    }

    /** Waits for the user menu of Tasklist (after a login, or after the second factor's page led back). */
    public Tasklist loggedIn(String user) {
        waitFor(d -> {
            if (!d.findElements(USER_MENU).isEmpty() && d.findElement(USER_MENU).isDisplayed()) {
                return true;
            }
            failOnError("login of " + user);
            return false;
        }, "login of " + user);
        return this;
    }

    /** Opens Tasklist and sends its login form, without waiting for what follows (e.g. the second factor's page). */
    public void submitLogin(String user, String password) {
        String page = baseUrl + "/camunda/app/tasklist/default/";
        driver.get(page);
        // after a logout the login view may be rendered anew meanwhile (keys then went into the wrong field):
        // type into the one visible form and check what it holds, again until it holds exactly this; a page
        // that shows no usable form for a while is loaded again
        Instant[] reload = {Instant.now().plus(LOGIN_RELOAD)};
        WebElement form = wait(timeout.plus(LOGIN_RELOAD)).withMessage(() -> "waiting for the login form filled in for "
                + user + "; " + loginFormState()).until(d -> {
            if (Instant.now().isAfter(reload[0])) {
                reload[0] = Instant.now().plus(LOGIN_RELOAD);
                d.get(page);
            }
            List<WebElement> forms = d.findElements(SIGNIN_FORM).stream().filter(WebElement::isDisplayed).toList();
            if (forms.size() != 1) {
                return null;
            }
            WebElement name = forms.get(0).findElement(USERNAME);
            WebElement secret = forms.get(0).findElement(PASSWORD);
            for (WebElement input : List.of(name, secret)) {
                input.click();
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                input.sendKeys(input == name ? user : password);
            }
            return user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"))
                    ? forms.get(0) : null;
        });
        click(form.findElement(By.cssSelector("button[type='submit']")));
    }

    /** What the page shows instead of one login form holding the credentials (for the failure message). */
    private String loginFormState() {
        try {
            List<WebElement> forms = driver.findElements(SIGNIN_FORM);
            return "url " + driver.getCurrentUrl() + ", " + forms.size() + " login form(s), visible "
                    + forms.stream().filter(WebElement::isDisplayed).count() + ", user field "
                    + forms.stream().map(f -> f.findElement(USERNAME).getDomProperty("value")).toList()
                    + ", user menu shown " + visible(driver, USER_MENU);
        } catch (RuntimeException e) {
            return "page state unreadable: " + e;
        }
    }

    /** Logs out through the user menu and waits for the login form. */
    public void logout() {
        click(USER_MENU, "the user menu");
        click(By.cssSelector("li.logout > a"), "Log out");
        waitFor(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    }

    /** The display name in the header (the user menu). */
    public String userName() {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(USER_MENU)).getText().trim();
    }

    // ------------------------------------------------------------------ starting

    /**
     * Opens "Start process", picks the definition by its name and waits for its start form (a Camunda Form or the
     * generic form of a process without one). Fill it with {@link #fill}, then {@link #submitStart()}.
     */
    public Tasklist startProcess(String processName) {
        click(By.xpath("//a[contains(normalize-space(.)," + literal(label("START_PROCESS")) + ")]"), "Start process");
        WebElement modal = waitFor(ExpectedConditions.visibilityOfElementLocated(MODAL));
        click(By.xpath("//div[contains(@class,'modal-dialog')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
                + literal(processName) + "]"), "process '" + processName + "' in the Start process dialog");
        waitFor(d -> modal.findElements(By.xpath(".//h3[contains(normalize-space(.)," + literal(processName) + ")]"))
                .stream().anyMatch(WebElement::isDisplayed)
                && (visible(modal, By.cssSelector(".fjs-form")) || visible(modal, By.cssSelector("[cam-tasklist-form-generic]"))
                        || visible(modal, By.xpath(".//*[contains(.," + literal(label("BUSINESS_KEY")) + ")]"))),
                "start form of '" + processName + "'");
        return this;
    }

    /** Presses Start in the dialog and waits until the dialog is gone ("The process has been started."). */
    public Tasklist submitStart() {
        WebElement modal = driver.findElement(MODAL);
        click(By.xpath("//div[contains(@class,'modal-dialog')]//div[contains(@class,'modal-footer')]"
                + "//button[normalize-space(.)=" + literal(label("START")) + "]"), "the Start button");
        waitFor(d -> {
            try {
                for (WebElement error : modal.findElements(By.cssSelector(".alert-danger"))) {
                    if (error.isDisplayed() && !error.getText().isBlank()) {
                        throw new AssertionError("starting the process failed: " + error.getText().trim());
                    }
                }
                return !modal.isDisplayed();
            } catch (StaleElementReferenceException gone) {
                return true; // the dialog has been removed from the page
            }
        }, "the Start process dialog to close");
        waitFor(d -> notificationText().contains(label("PROCESS_START_OK")), "'" + label("PROCESS_START_OK") + "'");
        return this;
    }

    /**
     * After a start or a completion Tasklist lists "You are assigned to the following tasks in the same process":
     * returns the id of the task of that name from its link (waits for the notification).
     */
    public String assignedTaskId(String taskName) {
        By link = By.xpath("//div[contains(@class,'page-notifications')]//a[normalize-space(.)=" + literal(taskName)
                + " and contains(@href,'task=')]");
        WebElement a = waitFor(ExpectedConditions.presenceOfElementLocated(link));
        String id = taskIdOf(a.getAttribute("href")).orElseThrow();
        dismissNotifications();
        return id;
    }

    /** Closes the notifications at the top right: they pile up and cover the form fields below them. */
    public Tasklist dismissNotifications() {
        By close = By.cssSelector(".page-notifications .alert button.close");
        for (WebElement button : driver.findElements(close)) {
            try {
                if (button.isDisplayed()) {
                    button.click();
                }
            } catch (StaleElementReferenceException | ElementClickInterceptedException gone) {
                // closed meanwhile or under another one: the wait below decides
            }
        }
        waitFor(d -> d.findElements(close).stream().noneMatch(WebElement::isDisplayed), "notifications closed");
        return this;
    }

    // ------------------------------------------------------------------ task list

    /** Clicks the filter whose name starts with the given text (e.g. {@link #FACILITY_FILTER}) and waits for its list. */
    public Tasklist selectFilter(String namePrefix) {
        By filter = By.xpath("//div[contains(@class,'task-filter')]//h4[starts-with(normalize-space(.),"
                + literal(namePrefix) + ")]/a");
        click(filter, "filter '" + namePrefix + "'");
        By active = By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//h4"
                + "[starts-with(normalize-space(.)," + literal(namePrefix) + ")]");
        By error = By.cssSelector("[cam-tasks] .alert-danger");
        wait(timeout).withMessage(() -> "filter '" + namePrefix + "' selected and its list loaded; shown: "
                        + driver.findElements(error).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList())
                .until(d -> d.findElements(active).size() == 1
                        && !visible(d, By.cssSelector("[cam-tasks] .loader")) && !visible(d, error)
                        && (visible(d, By.cssSelector("ol.tasks-list")) || visible(d, By.cssSelector("[cam-tasks] .well"))));
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
                + literal(taskName) + (taskId == null ? "" : " and contains(@href," + literal("task=" + taskId) + ")")
                + "]");
        Instant[] reload = {Instant.now().plusSeconds(RELOAD_SECONDS)};
        String id = wait(timeout.multipliedBy(3))
                .withMessage(() -> "task '" + taskName + "'" + (taskId == null ? "" : " (" + taskId + ")")
                        + " not listed; the list shows " + listedTasks())
                .until(d -> {
                    for (WebElement a : d.findElements(link)) {
                        if (a.isDisplayed()) {
                            return taskIdOf(a.getDomAttribute("href")).orElse(null);
                        }
                    }
                    if (Instant.now().isAfter(reload[0])) {
                        d.navigate().refresh();
                        reload[0] = Instant.now().plusSeconds(RELOAD_SECONDS);
                    }
                    return null;
                });
        dismissNotifications();
        click(By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[contains(@href,"
                + literal("task=" + id) + ")]"), "task '" + taskName + "' in the list");
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
        String taskId = taskIdOf(url).orElseThrow(() -> new IllegalStateException("no task open: " + url));
        By claim = By.cssSelector("[cam-tasklist-task] button.claim");
        click(claim, "Claim");
        waitFor(d -> {
            failOnError("claiming task " + taskId);
            WebElement pane = d.findElement(TASK_PANE);
            return !visible(pane, claim) && visible(pane, By.cssSelector("li.assignee"))
                    && visible(pane, By.cssSelector(".fjs-form"));
        }, "task " + taskId + " claimed");
        dismissNotifications();
        return this;
    }

    /** The task names in the list now (for messages). */
    public List<String> listedTasks() {
        return driver.findElements(By.cssSelector("ol.tasks-list h4.task a")).stream()
                .map(a -> a.getText().trim()).toList();
    }

    /** The ids of the tasks in the list now (from their links), e.g. to check that a task is not listed. */
    public List<String> listedTaskIds() {
        return driver.findElements(By.cssSelector("ol.tasks-list h4.task a")).stream()
                .map(a -> taskIdOf(a.getDomAttribute("href")).orElse("?")).toList();
    }

    /** The names of the filters this user is shown, in their order (waits until at least one is listed). */
    public List<String> filterNames() {
        By names = By.cssSelector("div.task-filter h4 a");
        return waitFor(d -> {
            List<String> shown = d.findElements(names).stream().filter(WebElement::isDisplayed)
                    .map(a -> a.getText().trim()).filter(t -> !t.isEmpty()).toList();
            return shown.isEmpty() ? null : shown;
        }, "the filter list");
    }

    private void waitForTaskForm(String taskName, String taskId) {
        waitFor(d -> {
            if (!d.getCurrentUrl().contains("task=" + taskId)) {
                return false;
            }
            WebElement pane = d.findElement(TASK_PANE);
            return pane.getText().trim().startsWith(taskName)
                    && visible(pane, By.cssSelector(".fjs-form"))
                    && visible(pane, By.xpath(".//div[contains(@class,'form-actions')]//button[normalize-space(.)=" + literal(label("COMPLETE")) + "]"));
        }, "form of task '" + taskName + "' (" + taskId + ")");
    }

    // ------------------------------------------------------------------ Camunda Forms

    /**
     * Fills the form-js field with that label in the open form (start dialog or task): text fields and text areas
     * get the text; dates take yyyy-MM-dd (typed in the picker's own format); selects and radio groups choose the
     * option whose label contains the text; checkboxes take "true"/"false"; checklists tick the option.
     */
    public Tasklist fill(String label, String value) {
        for (int attempt = 1; ; attempt++) {
            try {
                fillOnce(label, value);
                return this;
            } catch (StaleElementReferenceException rerendered) {
                if (attempt == 3) {
                    throw rerendered;
                }
                // form-js re-rendered the field meanwhile: every step below is idempotent, so do it again
            }
        }
    }

    private void fillOnce(String label, String value) {
        WebElement field = field(label);
        String type = fieldType(field);
        switch (type) {
            case "textfield", "textarea", "number" -> type(input(field, label), value);
            case "datetime" -> date(field, label, LocalDate.parse(value));
            case "select" -> select(field, label, value);
            case "radio", "checklist" -> option(field, label, value);
            case "checkbox" -> {
                WebElement box = field.findElement(By.cssSelector("input[type='checkbox']"));
                if (box.isSelected() != Boolean.parseBoolean(value)) {
                    click(box);
                }
            }
            default -> throw new IllegalArgumentException("field '" + label + "' of type " + type + " not supported");
        }
    }

    /** Unticks the option whose label contains the text in a checklist (e.g. a member preset as kept). */
    public Tasklist untick(String label, String option) {
        WebElement input = field(label).findElement(By.xpath(".//label[contains(normalize-space(.)," + literal(option)
                + ")]/input"));
        if (input.isSelected()) {
            click(input);
        }
        waitFor(d -> !input.isSelected(), "'" + option + "' unticked in '" + label + "'");
        return this;
    }

    public Tasklist fill(String label, LocalDate date) {
        return fill(label, date.toString());
    }

    /**
     * Types text into a date field exactly as a person would (2026/12/01, 令和8年12月1日, …), leaves the field and
     * returns what the picker then shows: the date it read in yyyy/mm/dd, or nothing when it refused the text.
     */
    public String typeDate(String label, String text) {
        WebElement input = input(field(label), label);
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        return waitFor(d -> {
            String shown = shown(input);
            return shown.isEmpty() || shown.matches("\\d{4}/\\d{2}/\\d{2}") ? shown : null;
        }, "date field '" + label + "' to read or refuse '" + text + "'");
    }

    /** Empties a text field and leaves it, so that form-js checks it (its required message). */
    public Tasklist clear(String label) {
        WebElement input = input(field(label), label);
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.TAB);
        return this;
    }

    /** The current value of a text field, text area, date or select as shown (read-only fields included). */
    public String value(String label) {
        WebElement field = field(label);
        return shown(input(field, label));
    }

    /** An input's value; the text of the display element a non-searchable select's label points at. */
    private static String shown(WebElement element) {
        String value = "input".equals(element.getTagName()) || "textarea".equals(element.getTagName())
                ? element.getDomProperty("value") : element.getText();
        return value == null ? "" : value;
    }

    /** The validation messages form-js shows now (empty when the form is valid as far as it has been touched). */
    public List<String> validationErrors() {
        return openForm().findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .filter(WebElement::isDisplayed).map(e -> e.getText().trim()).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * Presses Complete on the open task and waits until Tasklist has submitted it (the task leaves the view);
     * a server-side error (e.g. a validation delegate's message) fails with its text.
     */
    public void complete() {
        String url = driver.getCurrentUrl();
        String taskId = taskIdOf(url).orElseThrow(() -> new IllegalStateException("no task open: " + url));
        click(By.xpath("//div[@cam-tasklist-task]//div[contains(@class,'form-actions')]//button[normalize-space(.)=" + literal(label("COMPLETE")) + "]"),
                "the Complete button");
        waitFor(d -> {
            failOnError("completing task " + taskId);
            List<String> invalid = validationErrors();
            if (!invalid.isEmpty()) {
                throw new AssertionError("the form is invalid: " + invalid);
            }
            return !d.getCurrentUrl().contains("task=" + taskId);
        }, "task " + taskId + " to be completed");
    }

    // ------------------------------------------------------------------ helpers

    /** The form currently in front: the start dialog's, else the open task's. */
    private WebElement openForm() {
        for (WebElement modal : driver.findElements(MODAL)) {
            if (modal.isDisplayed()) {
                return modal;
            }
        }
        return driver.findElement(TASK_PANE);
    }

    private WebElement field(String label) {
        By byLabel = By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
                + "[.//label[normalize-space(text()[1])=" + literal(label) + "]]");
        return waitFor(d -> {
            List<WebElement> fields = openForm().findElements(byLabel);
            // the innermost match (a group or dynamic list would contain its fields' labels too)
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (fields.get(i).isDisplayed()) {
                    return fields.get(i);
                }
            }
            return null;
        }, "form field '" + label + "'");
    }

    private static String fieldType(WebElement field) {
        for (String css : field.getDomAttribute("class").split("\\s+")) {
            if (css.startsWith("fjs-form-field-") && !css.equals("fjs-form-field-label")) {
                return css.substring("fjs-form-field-".length());
            }
        }
        return "unknown";
    }

    private WebElement input(WebElement field, String label) {
        WebElement labelElement = field.findElement(By.xpath(".//label[normalize-space(text()[1])=" + literal(label) + "]"));
        String id = labelElement.getDomAttribute("for");
        if (id == null) {
            throw new IllegalArgumentException("label '" + label + "' points at no input");
        }
        return field.findElement(By.id(id));
    }

    private void type(WebElement input, String text) {
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        waitFor(d -> text.equals(input.getDomProperty("value")), "'" + text + "' typed");
    }

    private void date(WebElement field, String label, LocalDate date) {
        WebElement input = input(field, label);
        String placeholder = Optional.ofNullable(input.getDomAttribute("placeholder")).orElse("mm/dd/yyyy")
                .toLowerCase(Locale.ROOT);
        String typed = placeholder.replace("yyyy", String.format("%04d", date.getYear()))
                .replace("mm", String.format("%02d", date.getMonthValue()))
                .replace("dd", String.format("%02d", date.getDayOfMonth()));
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(typed, Keys.TAB);
        // flatpickr re-renders the parsed date (e.g. 1/15/1940); an unparsable text is cleared
        waitFor(d -> {
            String shown = input.getDomProperty("value");
            return shown != null && !shown.isBlank() && shown.contains(String.valueOf(date.getYear()));
        }, "date " + date + " accepted by '" + label + "'");
    }

    private void select(WebElement field, String label, String option) {
        WebElement input = input(field, label);
        // a non-searchable select's label points at a hidden input: its display element opens the list and shows
        // the chosen label
        List<WebElement> display = field.findElements(By.id(input.getDomAttribute("id") + "-display"));
        if (!display.isEmpty()) {
            input = display.get(0);
        }
        click(input);
        if ("text".equals(input.getDomAttribute("type"))) { // searchable: narrow the list down
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(option);
        }
        By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),"
                + literal(option) + ")]");
        WebElement choice = waitFor(d -> {
            List<WebElement> items = field.findElements(item);
            return items.isEmpty() ? null : items.get(0);
        }, "option '" + option + "' of '" + label + "'");
        click(choice);
        WebElement shownIn = input;
        waitFor(d -> field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()
                && shown(shownIn).contains(option), "option '" + option + "' chosen in '" + label + "'");
    }

    private void option(WebElement field, String label, String option) {
        WebElement input = field.findElement(By.xpath(".//label[contains(normalize-space(.)," + literal(option)
                + ")]/input"));
        if (!input.isSelected()) {
            click(input);
        }
        waitFor(d -> input.isSelected(), "'" + option + "' chosen in '" + label + "'");
    }

    private String notificationText() {
        return driver.findElements(By.cssSelector(".page-notifications .alert")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    /** Fails on a red notification (server error) that Tasklist shows at the top of the page or in the dialog. */
    private void failOnError(String what) {
        for (WebElement alert : driver.findElements(By.cssSelector(".page-notifications .alert-danger, .modal-dialog .notifications .alert-danger"))) {
            if (alert.isDisplayed() && !alert.getText().isBlank()) {
                throw new AssertionError(what + " failed: " + alert.getText().replace("×", "").trim());
            }
        }
    }

    /** Finds and clicks, again if the list or form re-rendered in between (a stale element), within the timeout. */
    private void click(By by, String what) {
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
    private void click(WebElement element) {
        scrollIntoView(element);
        try {
            element.click();
        } catch (ElementClickInterceptedException covered) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
    }

    private void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static boolean visible(SearchContext context, By by) {
        try {
            return context.findElements(by).stream().anyMatch(WebElement::isDisplayed);
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return wait(timeout).until(condition);
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition, String what) {
        return wait(timeout).withMessage("waiting for " + what).until(condition);
    }

    private WebDriverWait wait(Duration duration) {
        WebDriverWait wait = new WebDriverWait(driver, duration, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(NoSuchElementException.class);
        return wait;
    }

    private static Optional<String> taskIdOf(String url) {
        Matcher m = TASK_ID.matcher(url == null ? "" : url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** An XPath string literal for any text (Japanese brackets and quotes included). */
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

    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
