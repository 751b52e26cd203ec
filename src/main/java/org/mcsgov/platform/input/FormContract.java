package org.mcsgov.platform.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person may send with one task's completion or one process start: the keys of the fields they fill in on
 * its Camunda Form (or the inputs the BPMN declares where there is no form), the read-only fields they are shown
 * but never write back, and for every choice field the values it offers (fixed in the form, or a list the
 * process put into a variable for this person: {@code valuesKey}).
 */
public record FormContract(String name, Set<String> writable, Set<String> readOnly, Map<String, Choice> choices,
        Map<String, Integer> maxLengths) {

    private static final Pattern LITERAL_VALUE = Pattern.compile("value\\s*:\\s*\"([^\"]*)\"");

    /** The values a select, radio or checklist offers; a checklist sends several. */
    public record Choice(List<String> fixed, String valuesKey, boolean several) {
    }

    /** A step or start without a form and without declared inputs: nothing may be sent. */
    public static FormContract none(String name) {
        return new FormContract(name, Set.of(), Set.of(), Map.of(), Map.of());
    }

    /** The inputs a BPMN element declares (extension property {@code inputs}), checked by its steps. */
    public static FormContract declared(String name, Set<String> inputs) {
        return new FormContract(name, Set.copyOf(inputs), Set.of(), Map.of(), Map.of());
    }

    /**
     * This contract plus inputs the BPMN declares beside a form: a start form that only explains (Tasklist) while
     * a caller of the API may still send the declared inputs, which the process's steps check.
     */
    public FormContract with(Set<String> inputs) {
        Set<String> all = new HashSet<>(writable);
        all.addAll(inputs);
        return new FormContract(name, Set.copyOf(all), readOnly, choices, maxLengths);
    }

    /** Reads a Camunda Forms schema (form-js JSON): keyed components, nested groups included. */
    public static FormContract parse(String name, JsonNode form) {
        Set<String> writable = new HashSet<>();
        Set<String> readOnly = new HashSet<>();
        Map<String, Choice> choices = new HashMap<>();
        Map<String, Integer> maxLengths = new HashMap<>();
        collect(form.path("components"), writable, readOnly, choices, maxLengths);
        return new FormContract(name, Set.copyOf(writable), Set.copyOf(readOnly), Map.copyOf(choices),
                Map.copyOf(maxLengths));
    }

    private static void collect(JsonNode components, Set<String> writable, Set<String> readOnly,
            Map<String, Choice> choices, Map<String, Integer> maxLengths) {
        for (JsonNode component : components) {
            collect(component.path("components"), writable, readOnly, choices, maxLengths);
            String key = component.path("key").asText(null);
            if (key == null || key.isBlank()) {
                continue; // texts, images, spacers: shown, nothing to send
            }
            if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                readOnly.add(key);
                continue;
            }
            writable.add(key);
            if (component.path("validate").has("maxLength")) {
                maxLengths.put(key, component.path("validate").path("maxLength").asInt());
            }
            String type = component.path("type").asText("");
            if (List.of("select", "radio", "checklist", "taglist").contains(type)) {
                List<String> fixed = new ArrayList<>();
                component.path("values").forEach(value -> fixed.add(value.path("value").asText()));
                // a FEEL valuesExpression chooses among literal options: each of them may be offered (the step checks which)
                Matcher literal = LITERAL_VALUE.matcher(component.path("valuesExpression").asText(""));
                while (literal.find()) {
                    fixed.add(literal.group(1));
                }
                String valuesKey = component.path("valuesKey").asText(null);
                choices.put(key, new Choice(List.copyOf(fixed), valuesKey,
                        type.equals("checklist") || type.equals("taglist")));
            }
        }
    }
}
