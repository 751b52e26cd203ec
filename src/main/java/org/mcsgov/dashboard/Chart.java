package org.mcsgov.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One chart of the dashboard and its CSV, from the same figures: categories (facilities, campaigns, days) along one
 * axis, one or more series of counts. kind is how dashboard.js draws it: "bars" (horizontal, one bar per facility),
 * "columns" (vertical) or "line"; stacked when the series are parts of one whole.
 */
public record Chart(String name, String title, String description, String categoryHeader, List<String> categories,
                    List<Series> series, String kind, boolean stacked) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Series(String name, List<Long> data) {
    }

    /** One category's counts, in the order of the chart's series. */
    public record Point(String category, List<Long> values) {

        /** The counts in columns first .. first + count - 1 of a query's row. */
        static Point read(ResultSet rs, String category, int first, int count) throws SQLException {
            List<Long> values = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                values.add(rs.getLong(i));
            }
            return new Point(category, values);
        }
    }

    /** A chart of these points, one series per name. */
    static Chart of(String name, String title, String description, String categoryHeader, List<String> seriesNames,
                    List<Point> points, String kind, boolean stacked) {
        List<Series> series = IntStream.range(0, seriesNames.size())
                .mapToObj(i -> new Series(seriesNames.get(i), points.stream().map(p -> p.values().get(i)).toList()))
                .toList();
        return new Chart(name, title, description, categoryHeader, points.stream().map(Point::category).toList(),
                series, kind, stacked);
    }

    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of(categoryHeader));
        series.forEach(s -> header.add(s.name()));
        return header;
    }

    public List<List<Object>> csvRows() {
        return IntStream.range(0, categories.size()).mapToObj(i -> {
            List<Object> row = new ArrayList<>(List.of(categories.get(i)));
            series.forEach(s -> row.add(s.data().get(i)));
            return row;
        }).toList();
    }

    /** What dashboard.js draws, as JSON in a data attribute: the pages' CSP runs no inline script. */
    public String json() {
        try {
            return JSON.writeValueAsString(Map.of("kind", kind, "stacked", stacked, "categories", categories,
                    "series", series));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart " + name + " cannot be written as JSON", e);
        }
    }
}
