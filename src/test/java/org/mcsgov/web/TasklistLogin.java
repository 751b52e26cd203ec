package org.mcsgov.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Logging in and out of Tasklist (the login form has inputs ng-model=username/password), for {@link Tasklist}: the
 * login view may be rendered anew while keys are typed, so the form is filled until it holds exactly the credentials.
 */
final class TasklistLogin {

    private static final By USERNAME = By.cssSelector("input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
    private static final By SIGNIN_FORM = By.cssSelector("form[name='signinForm']");
    private static final By USER_MENU = By.cssSelector("li.account > a.dropdown-toggle");
    private static final Duration LOGIN_RELOAD = Duration.ofSeconds(8);

    private final WebDriver driver;
    private final String baseUrl;
    private final Duration timeout;
    private final Page page;

    TasklistLogin(WebDriver driver, String baseUrl, Duration timeout, Page page) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.page = page;
    }

    /** Opens Tasklist, logs in and waits for the user menu. */
    void login(String user, String password) {
        submitLogin(user, password);
        loggedIn(user);
    }

    /** Waits for the user menu of Tasklist (after a login, or after the second factor's page led back). */
    void loggedIn(String user) {
        page.waitFor(d -> {
            if (!d.findElements(USER_MENU).isEmpty() && d.findElement(USER_MENU).isDisplayed()) {
                return true;
            }
            page.failOnError("login of " + user);
            return false;
        }, "login of " + user);
    }

    /** Opens Tasklist and sends its login form, without waiting for what follows (e.g. the second factor's page). */
    void submitLogin(String user, String password) {
        String url = baseUrl + "/camunda/app/tasklist/default/";
        driver.get(url);
        // after a logout the login view may be rendered anew meanwhile (keys then went into the wrong field):
        // type into the one visible form and check what it holds, again until it holds exactly this; a page
        // that shows no usable form for a while is loaded again
        Instant[] reload = {Instant.now().plus(LOGIN_RELOAD)};
        WebElement form = page.wait(timeout.plus(LOGIN_RELOAD)).withMessage(() -> "waiting for the login form filled in for "
                + user + "; " + loginFormState()).until(d -> {
            if (Instant.now().isAfter(reload[0])) {
                reload[0] = Instant.now().plus(LOGIN_RELOAD);
                d.get(url);
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
        page.click(form.findElement(By.cssSelector("button[type='submit']")));
    }

    /** What the page shows instead of one login form holding the credentials (for the failure message). */
    private String loginFormState() {
        try {
            List<WebElement> forms = driver.findElements(SIGNIN_FORM);
            return "url " + driver.getCurrentUrl() + ", " + forms.size() + " login form(s), visible "
                    + forms.stream().filter(WebElement::isDisplayed).count() + ", user field "
                    + forms.stream().map(f -> f.findElement(USERNAME).getDomProperty("value")).toList()
                    + ", user menu shown " + Page.visible(driver, USER_MENU);
        } catch (RuntimeException e) {
            return "page state unreadable: " + e;
        }
    }

    /** Logs out through the user menu and waits for the login form. */
    void logout() {
        page.click(USER_MENU, "the user menu");
        page.click(By.cssSelector("li.logout > a"), "Log out");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    }

    /** The display name in the header (the user menu). */
    String userName() {
        return page.waitFor(ExpectedConditions.visibilityOfElementLocated(USER_MENU)).getText().trim();
    }
}
