package org.mcsgov.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.bpm.engine.variable.value.TypedValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and checks the variables a form or a REST client submitted. The forms validate too, but REST clients
 * bypass forms (DESIGN.md §4), so every value is checked again here and a bad one is refused with its field name.
 */
public final class Vars {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vars() {
    }

    /** A choice for a form's select ("valuesKey"). */
    public record Option(String label, String value) {
    }

    /** Options as a JSON variable, which Tasklist hands to Camunda Forms as plain data. */
    public static TypedValue options(List<Option> options) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The values of the options the engine set for a form (see options): what the person was offered. The variable
     * is the engine's, not the form's: a completion that sends it is refused (platform.input).
     */
    public static List<String> offered(VariableScope scope, String optionsName) {
        Object options = scope.getVariable(optionsName);
        if (options == null) {
            return List.of();
        }
        try {
            List<String> values = new ArrayList<>();
            JSON.readTree(options.toString()).forEach(option -> values.add(option.path("value").asText()));
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(optionsName + " is not a list of options", e);
        }
    }

    public static String text(VariableScope scope, String name, String label, int maxLength) {
        Object value = scope.getVariable(name);
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw new UserError("「" + label + "」を入力してください", name + " is required");
        }
        return checkLength(text, name, label, maxLength);
    }

    public static String optionalText(VariableScope scope, String name, String label, int maxLength) {
        Object value = scope.getVariable(name);
        String text = value == null ? "" : value.toString().strip();
        return text.isEmpty() ? null : checkLength(text, name, label, maxLength);
    }

    public static String choice(VariableScope scope, String name, String label, String... allowed) {
        Object value = scope.getVariable(name);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return candidate;
            }
        }
        throw new UserError("「" + label + "」を選んでください", name + " must be one of " + String.join(", ", allowed));
    }

    /** A date that has happened (today or earlier), as the date inputs of the forms submit it (yyyy-MM-dd). */
    public static LocalDate pastDate(VariableScope scope, String name, String label) {
        String text = text(scope, name, label, 10);
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(EngineClock.today()) || date.getYear() < 1900) {
                throw new UserError("「" + label + "」に未来や1900年より前の日付は指定できません: " + text,
                        name + " must not be in the future or before 1900: " + text);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new UserError("「" + label + "」の日付の形式が正しくありません（例: 2026-04-01）: " + text,
                    name + " is not a date (yyyy-MM-dd): " + text);
        }
    }

    public static long id(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new UserError("「" + label + "」を選んでください", name + " must be an id: " + value);
        }
    }

    /** The ids a checklist submitted: Tasklist sends a JSON array, the Java API a collection. */
    public static List<Long> ids(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        List<?> items;
        if (value instanceof java.util.Collection<?> collection) {
            items = List.copyOf(collection);
        } else if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
            items = json.elements().stream().map(e -> e.isNumber() ? e.numberValue() : e.stringValue()).toList();
        } else {
            throw new UserError("「" + label + "」を選んでください", name + " must be a list of ids");
        }
        try {
            return items.stream().map(item -> Long.parseLong(String.valueOf(item).strip())).distinct().toList();
        } catch (NumberFormatException e) {
            throw new UserError("「" + label + "」を選んでください", name + " must be a list of ids: " + value);
        }
    }

    /** A statement the person must confirm (a required checkbox). */
    public static void confirmed(VariableScope scope, String name, String label) {
        if (!Boolean.TRUE.equals(scope.getVariable(name))) {
            throw new UserError("「" + label + "」を確認してください", name + " must be confirmed");
        }
    }

    /** The person acting now: the authenticated user of the request that completes the task or starts the process. */
    public static String actor(DelegateExecution execution, String fallbackVariable) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : (String) execution.getVariable(fallbackVariable);
    }

    private static String checkLength(String text, String name, String label, int maxLength) {
        if (text.length() > maxLength) {
            throw new UserError("「" + label + "」は" + maxLength + "文字以内にしてください",
                    name + " must be at most " + maxLength + " characters");
        }
        return text;
    }
}
