package org.mcsgov.migration;

import static org.mcsgov.platform.Rows.now;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.mcsgov.platform.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of imports (register-import): the import with its status and progress, its files as decoded text
 * (kept here, not as process variables: a city's files are megabytes) and every row recorded as migrated.
 */
@Component
public class ImportRegister {

    /** A stored file of an import. */
    public record StoredFile(ImportFile kind, String fileName, String encoding, String content) {
    }

    /** A row of a chunk as recorded: its line, its natural key, CREATED or EXISTING. */
    record MigratedRow(int line, String key, String outcome) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public ImportRegister(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long create(String startedBy, String processInstanceId) {
        return Rows.insert(jdbc, """
                INSERT INTO register_import (status, started_by, started_at, rows_total, rows_to_create, rows_done,
                    problems, process_instance_id) VALUES ('CHECKING', ?, ?, 0, 0, 0, 0, ?)""",
                startedBy, now(), processInstanceId);
    }

    void storeFile(long importId, ImportFile kind, String fileName, String encoding, String content) {
        jdbc.sql("INSERT INTO register_import_file (import_id, kind, file_name, encoding, content) VALUES (?, ?, ?, ?, ?)")
                .params(importId, kind.name(), fileName, encoding, content).update();
    }

    /** The files in the order they are imported: facilities before the staff who work there. */
    List<StoredFile> files(long importId) {
        return jdbc.sql("SELECT kind, file_name, encoding, content FROM register_import_file WHERE import_id = ?")
                .param(importId).query((rs, n) -> new StoredFile(ImportFile.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4))).list().stream()
                .sorted(java.util.Comparator.comparing(StoredFile::kind)).toList();
    }

    Optional<StoredFile> file(long importId, ImportFile kind) {
        return jdbc.sql("SELECT kind, file_name, encoding, content FROM register_import_file WHERE import_id = ? AND kind = ?")
                .params(importId, kind.name()).query((rs, n) -> new StoredFile(ImportFile.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    void checked(long importId, boolean clean, int rowsTotal, int rowsToCreate, int problems, String problemText) {
        jdbc.sql("""
                UPDATE register_import SET status = ?, rows_total = ?, rows_to_create = ?, problems = ?, problem_text = ?
                WHERE id = ?""")
                .params(clean ? "CHECKED" : "ERRORS", rowsTotal, rowsToCreate, problems, problemText, importId).update();
    }

    void decided(long importId, String status, String by) {
        jdbc.sql("UPDATE register_import SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(status, by, by == null ? null : now(), importId).update();
    }

    void finished(long importId, String status) {
        jdbc.sql("UPDATE register_import SET status = ?, finished_at = ? WHERE id = ?")
                .params(status, now(), importId).update();
    }

    /** Progress: the rows of one chunk are done (in the chunk's own transaction, so a failed chunk counts nothing). */
    void progressed(long importId, int rows) {
        jdbc.sql("UPDATE register_import SET rows_done = rows_done + ? WHERE id = ?").params(rows, importId).update();
    }

    /** The lines of a file between two lines (inclusive) recorded already (by an earlier run of a chunk). */
    Set<Integer> migratedLines(long importId, ImportFile kind, int fromLine, int toLine) {
        return new HashSet<>(jdbc.sql("SELECT line FROM migrated_row WHERE import_id = ? AND kind = ? AND line BETWEEN ? AND ?")
                .params(importId, kind.name(), fromLine, toLine).query(Integer.class).list());
    }

    /** The rows of a chunk recorded as migrated, in one batch (the chunk's transaction). */
    void recordRows(long importId, ImportFile kind, String fileName, List<MigratedRow> rows, String by) {
        Timestamp at = now();
        batch.batchUpdate("""
                INSERT INTO migrated_row (import_id, kind, file_name, line, natural_key, outcome, migrated_at, migrated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(row -> new Object[] {importId, kind.name(),
                fileName, row.line(), row.key(), row.outcome(), at, by}).toList());
    }
}
