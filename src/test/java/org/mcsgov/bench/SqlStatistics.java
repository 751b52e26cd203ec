package org.mcsgov.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which SQL statements a benchmark ran and how often (-Dbench.sql=true, H2 only: its QUERY_STATISTICS). The profile
 * of issue 17 started here: per completed invitation, what the engine and the register write and read.
 */
final class SqlStatistics {

    private static final boolean ON = Boolean.getBoolean("bench.sql");
    private static final Pattern VERB_AND_TABLE = Pattern.compile(
            "(?is)^\\s*(UPDATE|\\w+.*?\\b(?:FROM|INTO))\\s+([\\w.\"]+)");

    private SqlStatistics() {
    }

    /** Whether statements are counted (-Dbench.sql=true). */
    static boolean counting() {
        return ON;
    }

    /** Starts counting from zero (a no-op unless -Dbench.sql=true on H2). */
    static void start(JdbcTemplate jdbc) {
        if (ON && h2(jdbc)) {
            jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 5000");
            jdbc.execute("SET QUERY_STATISTICS FALSE");
            jdbc.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    /** Prints the statements by total time, with their count per unit of work (e.g. per invitation). */
    static void print(JdbcTemplate jdbc, int units, String unit) {
        if (!ON || !h2(jdbc)) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, CUMULATIVE_ROW_COUNT
                FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC""");
        long statements = rows.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
        double millis = rows.stream().mapToDouble(r -> ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue()).sum();
        System.out.printf("BENCH SQL %d statements (%.1f per %s) in %.0f ms; by total time:%n", statements,
                statements / (double) units, unit, millis);
        printByTable(rows, units, unit);
        for (Map<String, Object> row : rows.subList(0, Math.min(60, rows.size()))) {
            String sql = ((String) row.get("SQL_STATEMENT")).replaceAll("\\s+", " ");
            System.out.printf("BENCH SQL %7.2f per %s %8.0f ms  %s%n",
                    ((Number) row.get("EXECUTION_COUNT")).doubleValue() / units, unit,
                    ((Number) row.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(),
                    sql.length() > 160 ? sql.substring(0, 160) : sql);
        }
    }

    /** The same counts summed by verb and table ("INSERT ACT_HI_VARINST"): which rows a unit of work writes. */
    private static void printByTable(List<Map<String, Object>> rows, int units, String unit) {
        Map<String, Long> byTable = new HashMap<>();
        for (Map<String, Object> row : rows) {
            byTable.merge(verbAndTable((String) row.get("SQL_STATEMENT")),
                    ((Number) row.get("EXECUTION_COUNT")).longValue(), Long::sum);
        }
        byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("BENCH SQL-TABLE %7.2f per %s  %s%n", e.getValue() / (double) units,
                        unit, e.getKey()));
    }

    private static String verbAndTable(String sql) {
        Matcher m = VERB_AND_TABLE.matcher(sql);
        return m.find() ? m.group(1).split("\\s+")[0].toUpperCase() + " " + m.group(2).replace("\"", "").toUpperCase()
                : sql.trim().split("\\s+")[0].toUpperCase();
    }

    private static boolean h2(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().startsWith("H2")));
    }
}
