package org.mcsgov.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The conditions of a register query with their named parameters; an empty collection matches nothing. */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds "clause" with the named parameter; a null or blank value leaves the condition out (an unused filter). */
    public Where and(String clause, String name, Object value) {
        if (value instanceof Collection<?> values && values.isEmpty()) {
            clauses.add("1 = 0");
        } else if (value != null && !(value instanceof String text && text.isBlank())) {
            clauses.add("(" + clause + ")");
            params.put(name, value);
        }
        return this;
    }

    /** A condition without parameters, e.g. the current rows only. */
    public Where and(String clause) {
        clauses.add("(" + clause + ")");
        return this;
    }

    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The conditions alone, to combine with others (the home page's "or about me"); "1 = 1" without any. */
    public String condition() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" AND ", clauses);
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    public Map<String, Object> params() {
        return params;
    }
}
