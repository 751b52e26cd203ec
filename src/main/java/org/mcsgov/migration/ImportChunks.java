package org.mcsgov.migration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.platform.Facts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The writing of a confirmed import in chunks (register-import): one asynchronous job per chunk of rows, each its own
 * transaction. A chunk that fails (a row the register refuses now, a crash) rolls back whole and its job is retried by
 * the job executor, then becomes an incident (Cockpit); the chunks done before stay done, and a row is recorded as
 * migrated in the same transaction as its entry, so a retried chunk finds nothing half-written. The records of a chunk
 * (and its memberships) are written as JDBC batches: a city has tens of thousands of rows.
 */
@Component
public class ImportChunks {

    /** One chunk: rows [from, to) of one file (row 0 is the first row after the header). */
    record Chunk(ImportFile kind, int from, int to) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportChunks.class);

    private final ImportRegister imports;
    private final RowImport rows;
    private final int chunkRows;
    /** The files of the import last written, parsed: stored files never change, and each job would parse them all. */
    private volatile Parsed parsed;

    private record Parsed(long importId, Map<ImportFile, ImportRegister.StoredFile> files,
                          Map<ImportFile, List<CsvText.Row>> rows) {
    }

    public ImportChunks(ImportRegister imports, RowImport rows, MigrationProperties settings) {
        this.imports = imports;
        this.rows = rows;
        this.chunkRows = settings.chunkRows();
    }

    /** How many chunks the import has (the multi-instance's cardinality); the plan follows from the stored files. */
    public JavaDelegate plan() {
        return execution -> execution.setVariable("chunkCount", chunks(importId(execution)).size());
    }

    /** The chunk of this multi-instance (loopCounter): its rows written and recorded, the progress counted. */
    public JavaDelegate write() {
        return execution -> {
            long started = System.nanoTime();
            long importId = importId(execution);
            int index = (Integer) execution.getVariable("loopCounter");
            Chunk chunk = chunks(importId).get(index);
            ImportRegister.StoredFile file = parsed(importId).files().get(chunk.kind());
            List<CsvText.Row> lines = parsed(importId).rows().get(chunk.kind());
            String by = Facts.starter(execution);
            List<CsvText.Row> part = lines.subList(chunk.from(), chunk.to());
            // rows recorded by an earlier run of this chunk: their entries exist
            Set<Integer> done = imports.migratedLines(importId, chunk.kind(), part.get(0).line(),
                    part.get(part.size() - 1).line());
            RowImport.Writer writer = rows.writer(importId, by, execution.getProcessInstanceId());
            List<ImportRegister.MigratedRow> recorded = new ArrayList<>();
            for (CsvText.Row line : part) {
                if (done.contains(line.line())) {
                    continue;
                }
                RowImport.Outcome outcome = writer.apply(chunk.kind(), new RowImport.Cells(chunk.kind(), line));
                recorded.add(new ImportRegister.MigratedRow(line.line(), outcome.key(),
                        outcome.created() ? "CREATED" : "EXISTING"));
            }
            long applied = System.nanoTime();
            writer.flush();
            imports.recordRows(importId, chunk.kind(), file.fileName(), recorded, by);
            imports.progressed(importId, recorded.size());
            LOG.info("import {}: chunk {} ({} rows {}-{}) written in {} ms ({} ms row by row, {} ms batches)", importId,
                    index + 1, chunk.kind(), chunk.from() + 1, chunk.to(), (System.nanoTime() - started) / 1_000_000,
                    (applied - started) / 1_000_000, (System.nanoTime() - applied) / 1_000_000);
        };
    }

    List<Chunk> chunks(long importId) {
        List<Chunk> chunks = new ArrayList<>();
        for (var file : parsed(importId).rows().entrySet()) {
            int size = file.getValue().size();
            for (int from = 0; from < size; from += chunkRows) {
                chunks.add(new Chunk(file.getKey(), from, Math.min(size, from + chunkRows)));
            }
        }
        return chunks;
    }

    private Parsed parsed(long importId) {
        Parsed last = parsed;
        if (last == null || last.importId() != importId) {
            Map<ImportFile, ImportRegister.StoredFile> files = new EnumMap<>(ImportFile.class);
            Map<ImportFile, List<CsvText.Row>> rows = new EnumMap<>(ImportFile.class);
            for (ImportRegister.StoredFile file : imports.files(importId)) {
                files.put(file.kind(), file);
                rows.put(file.kind(), data(file));
            }
            last = new Parsed(importId, files, rows);
            parsed = last;
        }
        return last;
    }

    /** The data rows of a stored file, without its header. */
    private static List<CsvText.Row> data(ImportRegister.StoredFile file) {
        List<CsvText.Row> all = CsvText.parse(file.content());
        return all.subList(1, all.size());
    }

    private static long importId(DelegateExecution execution) {
        return (Long) execution.getVariable("importId");
    }
}
