package org.mcsgov.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One list page of the register (/register/&lt;name&gt;, 50 rows a page, and /register/&lt;name&gt;.csv). A new register
 * table gets its page by a Spring bean implementing this: its filters, its columns and its rows as the current
 * viewer may see them (the same scope for the page, the CSV and the detail pages it links to).
 */
public interface RegisterList<T extends Record> {

    /** The path segment: /register/{name}. */
    String name();

    /** The Japanese title, also the navigation entry. */
    String title();

    /** Whether the current viewer has this list at all (its navigation entry; 403 otherwise). */
    default boolean visible() {
        return true;
    }

    List<Filter> filters();

    List<Column<T>> columns();

    /** The rows matching the criteria (the request parameters) that the current viewer may see. */
    Listing<T> rows(Map<String, String> criteria);

    /** A column: its header, the cell's value (shown and exported) and, for the screen, where the cell links to. */
    record Column<T>(String header, Function<T, Object> value, Function<T, String> link) {

        public static <T> Column<T> of(String header, Function<T, Object> value) {
            return new Column<>(header, value, row -> null);
        }

        public static <T> Column<T> linked(String header, Function<T, Object> value, Function<T, String> link) {
            return new Column<>(header, value, link);
        }
    }

    /** A search field: free text, a day, or a choice (value → label; "" means all). */
    record Filter(String name, String label, String type, Map<String, String> options) {

        public static Filter text(String name, String label) {
            return new Filter(name, label, "text", Map.of());
        }

        public static Filter date(String name, String label) {
            return new Filter(name, label, "date", Map.of());
        }

        public static Filter choice(String name, String label, Map<String, String> options) {
            return new Filter(name, label, "choice", options);
        }
    }
}
