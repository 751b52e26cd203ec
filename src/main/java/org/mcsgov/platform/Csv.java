package org.mcsgov.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV for audits: UTF-8 with a byte-order mark, so that Excel opens Japanese correctly. */
public final class Csv {

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

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return text.matches(".*[\",\r\n].*") || text.startsWith("=") || text.startsWith("+")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
