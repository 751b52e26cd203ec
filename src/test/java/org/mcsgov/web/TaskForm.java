package org.mcsgov.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * The Camunda Form (form-js) in front in Tasklist, the start dialog's or the open task's: fields found by their label,
 * filled by their type. {@link Tasklist} hands its fill, value and validation calls to it.
 *
 * <p>DOM facts (verified on 7.24.0): a form-js field is {@code div.fjs-form-field.fjs-form-field-<type>} whose
 * {@code <label for>} points at the input ({@code fjs-form-<random>-<componentId>}, dates {@code ...-date}); radio
 * groups have a label without {@code for} and one {@code <label for><input type=radio>option</label>} per option; a
 * searchable select is a text input with a {@code div.fjs-dropdownlist} of {@code div.fjs-dropdownlist-item}s; the
 * date picker (flatpickr) takes typed text in the format of its placeholder (mm/dd/yyyy).
 */
final class TaskForm {

    private static final By MODAL = By.cssSelector(".modal-dialog");
    private static final By TASK_PANE = By.cssSelector("[cam-tasklist-task]");

    private final WebDriver driver;
    private final Page page;

    TaskForm(WebDriver driver, Page page) {
        this.driver = driver;
        this.page = page;
    }

    /**
     * Fills the form-js field with that label in the open form (start dialog or task): text fields and text areas
     * get the text; dates take yyyy-MM-dd (typed in the picker's own format); selects and radio groups choose the
     * option whose label contains the text; checkboxes take "true"/"false"; checklists tick the option.
     */
    void fill(String label, String value) {
        for (int attempt = 1; ; attempt++) {
            try {
                fillOnce(label, value);
                return;
            } catch (WebDriverException rerendered) {
                if (!Page.detached(rerendered) || attempt == 3) {
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
                    page.click(box);
                }
            }
            default -> throw new IllegalArgumentException("field '" + label + "' of type " + type + " not supported");
        }
    }

    /** Unticks the option whose label contains the text in a checklist (e.g. a member preset as kept). */
    void untick(String label, String option) {
        WebElement input = field(label).findElement(By.xpath(".//label[contains(normalize-space(.)," + Page.literal(option)
                + ")]/input"));
        if (input.isSelected()) {
            page.click(input);
        }
        page.waitFor(d -> !input.isSelected(), "'" + option + "' unticked in '" + label + "'");
    }

    /**
     * Types text into a date field exactly as a person would (2026/12/01, 令和8年12月1日, …), leaves the field and
     * returns what the picker then shows: the date it read in yyyy/mm/dd, or nothing when it refused the text.
     */
    String typeDate(String label, String text) {
        WebElement input = input(field(label), label);
        page.click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        return page.waitFor(d -> {
            String shown = shown(input);
            return shown.isEmpty() || shown.matches("\\d{4}/\\d{2}/\\d{2}") ? shown : null;
        }, "date field '" + label + "' to read or refuse '" + text + "'");
    }

    /** Empties a text field and leaves it, so that form-js checks it (its required message). */
    void clear(String label) {
        WebElement input = input(field(label), label);
        page.click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.TAB);
    }

    /** The current value of a text field, text area, date or select as shown (read-only fields included). */
    String value(String label) {
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
    List<String> validationErrors() {
        return openForm().findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .filter(WebElement::isDisplayed).map(e -> e.getText().trim()).filter(t -> !t.isEmpty()).toList();
    }

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
                + "[.//label[normalize-space(text()[1])=" + Page.literal(label) + "]]");
        return page.waitFor(d -> {
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
        WebElement labelElement = field.findElement(By.xpath(".//label[normalize-space(text()[1])=" + Page.literal(label) + "]"));
        String id = labelElement.getDomAttribute("for");
        if (id == null) {
            throw new IllegalArgumentException("label '" + label + "' points at no input");
        }
        return field.findElement(By.id(id));
    }

    private void type(WebElement input, String text) {
        page.click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        page.waitFor(d -> text.equals(input.getDomProperty("value")), "'" + text + "' typed");
    }

    private void date(WebElement field, String label, LocalDate date) {
        WebElement input = input(field, label);
        String placeholder = Optional.ofNullable(input.getDomAttribute("placeholder")).orElse("mm/dd/yyyy")
                .toLowerCase(Locale.ROOT);
        String typed = placeholder.replace("yyyy", String.format("%04d", date.getYear()))
                .replace("mm", String.format("%02d", date.getMonthValue()))
                .replace("dd", String.format("%02d", date.getDayOfMonth()));
        page.click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(typed, Keys.TAB);
        // flatpickr re-renders the parsed date (e.g. 1/15/1940); an unparsable text is cleared
        page.waitFor(d -> {
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
        page.click(input);
        if ("text".equals(input.getDomAttribute("type"))) { // searchable: narrow the list down
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(option);
        }
        By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),"
                + Page.literal(option) + ")]");
        WebElement choice = page.waitFor(d -> {
            List<WebElement> items = field.findElements(item);
            return items.isEmpty() ? null : items.get(0);
        }, "option '" + option + "' of '" + label + "'");
        page.click(choice);
        WebElement shownIn = input;
        page.waitFor(d -> field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()
                && shown(shownIn).contains(option), "option '" + option + "' chosen in '" + label + "'");
    }

    private void option(WebElement field, String label, String option) {
        WebElement input = field.findElement(By.xpath(".//label[contains(normalize-space(.)," + Page.literal(option)
                + ")]/input"));
        if (!input.isSelected()) {
            page.click(input);
        }
        page.waitFor(d -> input.isSelected(), "'" + option + "' chosen in '" + label + "'");
    }
}
