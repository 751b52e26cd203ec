package org.mcsgov.migration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mcsgov.platform.EngineClock;

/**
 * The checks of the cells of one file's rows, whatever the file (present, length, format, unique in the file, a past
 * date), each failure a problem with its line and column; {@link RowChecks} adds what the rows mean.
 */
abstract class RowCells {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    private final String file;
    private final ImportFile kind;
    private final List<DryRun.Problem> problems;
    /** key (id, e-mail) → the line it first appeared on in this file. */
    private final Map<String, Integer> seen = new HashMap<>();
    private boolean bad;
    private CsvText.Row row;

    RowCells(String file, ImportFile kind, List<DryRun.Problem> problems) {
        this.file = file;
        this.kind = kind;
        this.problems = problems;
    }

    /** The next row: no problem found in it yet. */
    void begin(CsvText.Row row) {
        this.row = row;
        bad = false;
    }

    /** Whether the current row had a problem. */
    boolean bad() {
        return bad;
    }

    /** A date as 2022/08/01 or 2022-08-01. */
    static LocalDate date(String value) {
        return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
    }

    String value(String column) {
        return row.cells().get(kind.headers().indexOf(column));
    }

    String required(String column) {
        String value = value(column);
        if (value.isEmpty()) {
            problem(column, "必須の項目が空です");
            return null;
        }
        return value;
    }

    void length(String column, int max) {
        String value = required(column);
        if (value != null && value.length() > max) {
            problem(column, max + "文字以内にしてください（" + value.length() + "文字）");
        }
    }

    boolean matches(String column, Pattern pattern, String how) {
        String value = value(column);
        if (!pattern.matcher(value).matches()) {
            problem(column, how + "書いてください: " + value);
            return false;
        }
        return true;
    }

    void unique(String column, String value) {
        unique(column, value, "同じ" + column + "です: " + value);
    }

    void unique(String column, String key, String reason) {
        Integer first = seen.putIfAbsent(column + "\u0000" + key, row.line());
        if (first != null) {
            problem(column, first + "行目と" + reason);
        }
    }

    /** A date not in the future, or null (a problem) when it is missing, unreadable or ahead. */
    LocalDate pastDate(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = date(value);
            if (date.isAfter(EngineClock.today())) {
                problem(column, "未来の日付です: " + value);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(column, "日付は 2022/08/01 か 2022-08-01 の形で書いてください: " + value);
            return null;
        }
    }

    void problem(String column, String reason) {
        bad = true;
        problems.add(new DryRun.Problem(file, row.line(), column, reason));
    }
}
