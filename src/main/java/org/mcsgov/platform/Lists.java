package org.mcsgov.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The collection of a multi-instance fan-out. The ids travel as one comma-separated String variable, because a
 * java.util.List variable would need Java serialization, which the engine refuses; a list longer than the engine's
 * text column (4,000 characters: a campaign over 2,000 staff) travels as a JSON array, which the engine keeps as bytes.
 */
@Component("lists")
public class Lists {

    private static final int LONGEST_TEXT = 4000;

    /** The ids of a comma-separated text or a JSON array, as {@link #join} wrote them. */
    public List<String> split(Object ids) {
        if (ids instanceof SpinJsonNode json) {
            List<String> items = new ArrayList<>();
            json.elements().forEach(item -> items.add(item.isString() ? item.stringValue() : String.valueOf(item.numberValue())));
            return items;
        }
        String commaSeparated = ids == null ? null : ids.toString();
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static TypedValue join(List<?> ids) {
        List<String> texts = ids.stream().map(String::valueOf).toList();
        String joined = String.join(",", texts);
        if (joined.length() <= LONGEST_TEXT) {
            return Variables.stringValue(joined);
        }
        SpinJsonNode array = Spin.JSON("[]");
        texts.forEach(array::append);
        return SpinValues.jsonValue(array).create();
    }
}
