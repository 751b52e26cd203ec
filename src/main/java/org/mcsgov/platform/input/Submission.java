package org.mcsgov.platform.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.mcsgov.platform.UserError;

/**
 * Checks what a person sent against the contract of the task or start they sent it to: only the form's fields,
 * read-only fields unchanged (and then left out, never written back), choices among the values offered, plain
 * values only (a serialized Java object or a file is never a form's answer).
 */
final class Submission {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The engine keeps a text variable in a column of 4,000 characters; a longer one failed as a database error. */
    static final int LONGEST_TEXT = 4000;
    private static final Set<String> PLAIN_TYPES = Set.of(ValueType.STRING.getName(), ValueType.BOOLEAN.getName(),
            ValueType.INTEGER.getName(), ValueType.LONG.getName(), ValueType.SHORT.getName(),
            ValueType.DOUBLE.getName(), ValueType.DATE.getName(), ValueType.NULL.getName(), "json");

    private Submission() {
    }

    /**
     * The variables to write: those sent minus the unchanged read-only fields.
     *
     * @param current reads a variable as the task or process holds it now (read-only fields, offered choices)
     */
    static Map<String, Object> checked(FormContract contract, Map<String, Object> sent, Function<String, Object> current) {
        Map<String, Object> written = new LinkedHashMap<>();
        for (String name : sent.keySet()) {
            Object value = plain(sent, name, contract);
            if (contract.readOnly().contains(name)) {
                if (!sameText(value, current.apply(name))) {
                    throw new UserError("「" + name + "」は表示のみの項目で、変更できません",
                            name + " is read-only on " + contract.name() + " and cannot be changed");
                }
                continue;
            }
            if (!contract.writable().contains(name)) {
                throw new UserError("「" + name + "」はこの画面で入力する項目ではありません（入力できる項目: "
                        + FormContracts.allowed(contract) + "）",
                        name + " is not a field of " + contract.name() + "; allowed: " + contract.writable());
            }
            int maxLength = contract.maxLengths().getOrDefault(name, LONGEST_TEXT);
            if (value instanceof String text && text.length() > maxLength) {
                throw new UserError("「" + name + "」は" + maxLength + "文字以内にしてください",
                        name + " on " + contract.name() + " must be at most " + maxLength + " characters");
            }
            FormContract.Choice choice = contract.choices().get(name);
            if (choice != null) {
                offered(name, value, choice, current, contract);
            }
            written.put(name, sent instanceof VariableMap map ? map.getValueTyped(name) : sent.get(name));
        }
        return written;
    }

    private static Object plain(Map<String, Object> sent, String name, FormContract contract) {
        Object raw = sent instanceof VariableMap map ? map.getValueTyped(name) : sent.get(name);
        if (raw instanceof TypedValue typed) {
            if (typed.getType() != null && !PLAIN_TYPES.contains(typed.getType().getName())) {
                throw notPlain(name, contract);
            }
            raw = typed.getValue();
        }
        if (raw == null || raw instanceof String || raw instanceof Number || raw instanceof Boolean
                || raw instanceof Date || raw instanceof SpinJsonNode) {
            return raw;
        }
        if (raw instanceof Collection<?> items && items.stream().allMatch(i -> i instanceof String || i instanceof Number)) {
            return raw;
        }
        throw notPlain(name, contract);
    }

    private static UserError notPlain(String name, FormContract contract) {
        return new UserError("「" + name + "」の値の形式は受け付けられません（文字・数値・日付・真偽値のみ）",
                name + " on " + contract.name() + " must be a plain value (text, number, date, boolean)");
    }

    private static void offered(String name, Object value, FormContract.Choice choice, Function<String, Object> current,
            FormContract contract) {
        List<String> sent = texts(value);
        if (sent.size() > 1 && !choice.several()) {
            throw notOffered(name, sent, contract);
        }
        List<String> offered = new ArrayList<>(choice.fixed());
        if (choice.valuesKey() != null) {
            offered.addAll(optionValues(current.apply(choice.valuesKey())));
        }
        for (String one : sent) {
            if (!offered.contains(one)) {
                throw notOffered(name, List.of(one), contract);
            }
        }
    }

    private static UserError notOffered(String name, List<String> values, FormContract contract) {
        return new UserError("「" + name + "」に選択肢にない値が送られました: " + values + "。画面の一覧から選んでください",
                name + " on " + contract.name() + " was not offered: " + values);
    }

    /** The values of an options variable as Vars.options writes it: [{"label": …, "value": …}, …]. */
    private static List<String> optionValues(Object options) {
        if (options == null) {
            return List.of();
        }
        try {
            JsonNode node = JSON.readTree(options instanceof SpinJsonNode json ? json.toString() : options.toString());
            List<String> values = new ArrayList<>();
            node.forEach(option -> values.add(option.isObject() ? option.path("value").asText() : option.asText()));
            return values;
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** A choice's values as text: one value, a JSON array or a collection (a checklist). */
    private static List<String> texts(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof SpinJsonNode json) {
            if (!json.isArray()) {
                return List.of(json.isString() ? json.stringValue() : json.toString());
            }
            List<String> items = new ArrayList<>();
            json.elements().forEach(e -> items.add(e.isString() ? e.stringValue() : String.valueOf(e.numberValue())));
            return items;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        String text = value.toString();
        return text.isEmpty() ? List.of() : List.of(text);
    }

    private static boolean sameText(Object sent, Object held) {
        return Objects.equals(normalise(sent), normalise(held));
    }

    /** Text to compare; nothing and an empty text are the same to a form. */
    private static String normalise(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof SpinJsonNode || value instanceof Collection<?>) {
            return String.join("\u0000", texts(value));
        }
        return value.toString();
    }
}
