package org.mcsgov.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dry run of a migration (初期移行): every file read and every row checked against the other files and the
 * register; a report of every bad row (file, line, column, reason in Japanese) and of what would be created, with
 * nothing written.
 */
public final class DryRun {

    /** An uploaded file: its name and its bytes as the office's PC wrote them. */
    public record Upload(String fileName, byte[] bytes) {
    }

    public record Problem(String file, int line, String column, String reason) {
    }

    /** Per file: what it is, how it was encoded, how many rows would be created or are in the register already. */
    public record FileReport(String file, String kind, String encoding, int rows, int toCreate, int existing) {
    }

    public record Report(List<FileReport> files, List<Problem> problems) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private final Known known;
    private final List<Problem> problems = new ArrayList<>();
    /** The keys of the files read before, for the references of the files after (staff to facility, …). */
    private final RowChecks.InFiles inFiles = new RowChecks.InFiles();

    private DryRun(Known known) {
        this.known = known;
    }

    public static Report check(List<Upload> uploads, Known known) {
        return new DryRun(known).run(uploads);
    }

    private Report run(List<Upload> uploads) {
        Map<ImportFile, Upload> byKind = new EnumMap<>(ImportFile.class);
        Map<ImportFile, CsvText.Decoded> decoded = new HashMap<>();
        for (Upload upload : uploads) {
            CsvText.Decoded text = CsvText.decode(upload.bytes());
            List<CsvText.Row> rows = CsvText.parse(text.text());
            ImportFile kind = rows.isEmpty() ? null : ImportFile.byHeader(rows.get(0).cells());
            if (kind == null) {
                problems.add(new Problem(upload.fileName(), 1, "", rows.isEmpty() ? "空のファイルです"
                        : "見出しの行がどのテンプレート（事業所・職員・患者・グループ・メンバー・端末）とも一致しません: " + String.join(",", rows.get(0).cells())));
            } else if (byKind.putIfAbsent(kind, upload) != null) {
                problems.add(new Problem(upload.fileName(), 1, "", kind.label() + "のファイルが2つあります: "
                        + byKind.get(kind).fileName()));
            } else {
                decoded.put(kind, text);
            }
        }
        List<FileReport> reports = new ArrayList<>();
        for (var entry : byKind.entrySet()) {
            ImportFile kind = entry.getKey();
            String file = entry.getValue().fileName();
            List<CsvText.Row> rows = CsvText.parse(decoded.get(kind).text());
            RowChecks checks = new RowChecks(file, kind, known, inFiles, problems);
            int toCreate = 0;
            int existing = 0;
            for (CsvText.Row row : rows.subList(1, rows.size())) {
                switch (checks.check(row)) {
                    case CREATE -> toCreate++;
                    case EXISTING -> existing++;
                    case BAD -> { }
                }
            }
            reports.add(new FileReport(file, kind.label(), decoded.get(kind).encoding(), rows.size() - 1, toCreate,
                    existing));
        }
        problems.sort(Comparator.comparing(Problem::file).thenComparing(Problem::line));
        return new Report(reports, List.copyOf(problems));
    }
}
