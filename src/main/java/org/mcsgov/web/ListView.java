package org.mcsgov.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/** What the list template shows: one page of a register list, its filters as entered, the pager and the CSV link. */
public record ListView(String name, String title, List<RegisterList.Filter> filters, Map<String, String> criteria,
                       List<String> headers, List<List<Cell>> rows, long total, int page, int pageCount) {

    public static final int PAGE_SIZE = 50;

    public record Cell(String text, String link) {
    }

    public static <T extends Record> ListView of(RegisterList<T> list, Map<String, String> criteria, int page) {
        Listing<T> listing = list.rows(criteria);
        long total = listing.count();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pageCount);
        List<List<Cell>> rows = listing.page((shown - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(row -> list.columns().stream()
                        .map(column -> new Cell(Cells.text(column.value().apply(row)), column.link().apply(row)))
                        .toList())
                .toList();
        return new ListView(list.name(), list.title(), list.filters(), filled(criteria),
                list.columns().stream().map(RegisterList.Column::header).toList(), rows, total, shown, pageCount);
    }

    public static <T extends Record> List<List<Object>> csvRows(RegisterList<T> list, Map<String, String> criteria) {
        return list.rows(criteria).all().stream()
                .map(row -> list.columns().stream().<Object>map(column -> Cells.text(column.value().apply(row)))
                        .toList())
                .toList();
    }

    private static Map<String, String> filled(Map<String, String> criteria) {
        return criteria.entrySet().stream().filter(e -> !e.getKey().equals("page") && !e.getValue().isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public String pageUrl(int number) {
        return url("/register/" + name).queryParam("page", number).encode().toUriString();
    }

    public String csvUrl() {
        return url("/register/" + name + ".csv").encode().toUriString();
    }

    private UriComponentsBuilder url(String path) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        criteria.forEach(builder::queryParam);
        return builder;
    }

    public String value(String filter) {
        return criteria.getOrDefault(filter, "");
    }
}
