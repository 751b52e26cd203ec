package org.mcsgov.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every CSV the application writes (/api and /register exports): UTF-8 with a byte-order mark, so that Excel opens Japanese correctly. */
public final class Csv {

    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");

    private Csv() {
    }

    public static ResponseEntity<byte[]> response(String fileName, List<String> header, List<List<Object>> rows) {
        var text = new StringBuilder("\uFEFF").append(line(header));
        rows.forEach(row -> text.append(line(row)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * One cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return:
     * "=HYPERLINK(...)" typed as a reason or a name) gets a leading single quote, so Excel shows it as text;
     * numbers are left as they are.
     */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return NEEDS_QUOTES.matcher(text).find() ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
