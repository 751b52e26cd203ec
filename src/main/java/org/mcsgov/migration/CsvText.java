package org.mcsgov.migration;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as Japanese offices produce them (初期移行): UTF-8 with a byte-order mark (Excel's 「CSV UTF-8」), UTF-8
 * without, or Windows-31J (Shift_JIS as Excel writes it); quoted cells with commas, quotes and line breaks.
 */
public final class CsvText {

    /** A row and the line of the file it starts on (the header is line 1). */
    public record Row(int line, List<String> cells) {
    }

    /** The decoded text and the encoding it was found in, as the report names it. */
    public record Decoded(String text, String encoding) {
    }

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private CsvText() {
    }

    /** UTF-8 when there is a byte-order mark or the bytes are valid UTF-8; otherwise Windows-31J. */
    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8（BOM付き）");
        }
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString(), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, WINDOWS_31J), "Windows-31J（Shift_JIS）");
        }
    }

    /** Rows of RFC 4180 CSV; blank lines are skipped; a quoted cell may hold commas, quotes ("") and line breaks. */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(rows, cells, cell, rowLine);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        end(rows, cells, cell, rowLine);
        return rows;
    }

    private static void end(List<Row> rows, List<String> cells, StringBuilder cell, int line) {
        cells.add(cell.toString());
        cell.setLength(0);
        if (cells.stream().anyMatch(value -> !value.isBlank())) {
            rows.add(new Row(line, cells.stream().map(String::strip).toList()));
        }
    }
}
