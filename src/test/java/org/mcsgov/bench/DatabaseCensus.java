package org.mcsgov.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database holds, for QuarterBenchmark: rows per table (engine ACT_* and register tables), the history rows
 * per root process (how many rows each kind of procedure leaves behind), and the size on disk (the H2 file, or
 * pg_database_size on PostgreSQL).
 */
final class DatabaseCensus {

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final String h2Url;

    DatabaseCensus(JdbcTemplate jdbc, boolean postgres, String h2Url) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.h2Url = h2Url;
    }

    /** Rows of every table of the schema, by upper-case table name (Flyway's own history left out). */
    Map<String, Long> rows() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables()) {
            if (!table.equalsIgnoreCase("flyway_schema_history")) {
                rows.put(table.toUpperCase(), jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
            }
        }
        return rows;
    }

    /**
     * Rows of the engine's tables that carry a root process instance (history and history byte arrays), counted
     * by the definition key of that root: a called sub-process counts for its caller (review groups for the
     * campaign), and a notification, started on its own, for itself.
     */
    Map<String, Long> historyRowsByRootProcess() {
        Map<String, Long> byKey = new TreeMap<>();
        for (String table : tables()) {
            if (!table.toUpperCase().startsWith("ACT_") || !hasColumn(table, "ROOT_PROC_INST_ID_")) {
                continue;
            }
            jdbc.query("SELECT p.PROC_DEF_KEY_, COUNT(*) FROM " + table + " h JOIN ACT_HI_PROCINST p"
                            + " ON p.PROC_INST_ID_ = h.ROOT_PROC_INST_ID_ GROUP BY p.PROC_DEF_KEY_",
                    rs -> { byKey.merge(rs.getString(1), rs.getLong(2), Long::sum); });
        }
        return byKey;
    }

    /** Process instances started, by definition key (the cycles' runs among them). */
    Map<String, Long> instancesByProcess() {
        Map<String, Long> byKey = new TreeMap<>();
        jdbc.query("SELECT PROC_DEF_KEY_, COUNT(*) FROM ACT_HI_PROCINST GROUP BY PROC_DEF_KEY_",
                rs -> { byKey.put(rs.getString(1), rs.getLong(2)); });
        return byKey;
    }

    /** Bytes on disk: the H2 file (it never shrinks by itself), or the PostgreSQL database. */
    long sizeBytes() {
        if (postgres) {
            return jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
        }
        String file = h2Url.substring("jdbc:h2:file:".length(), h2Url.indexOf(';'));
        try {
            return Files.size(Path.of(file + ".mv.db"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no H2 file at " + file, e);
        }
    }

    /** Rows whose removal time has come (ended instances' history and byte arrays): what the cleanup deletes. */
    long removable(java.util.Date now) {
        long rows = 0;
        for (String table : tables()) {
            if (hasColumn(table, "REMOVAL_TIME_")) {
                rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE REMOVAL_TIME_ <= ?", Long.class,
                        new java.sql.Timestamp(now.getTime()));
            }
        }
        return rows;
    }

    /** H2's own figures of its file (fill rate of the chunks: how much of the file is live data); none on PostgreSQL. */
    List<String> storage() {
        if (postgres) {
            return List.of();
        }
        return jdbc.queryForList("""
                SELECT SETTING_NAME || '=' || SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS
                WHERE SETTING_NAME LIKE 'info.%'""", String.class);
    }

    private List<String> tables() {
        return jdbc.queryForList("""
                SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC' AND UPPER(TABLE_TYPE) IN ('BASE TABLE', 'TABLE')""", String.class);
    }

    private boolean hasColumn(String table, String column) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS
                WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC' AND TABLE_NAME = ? AND UPPER(COLUMN_NAME) = ?""",
                Long.class, table, column) > 0;
    }
}
