package org.mcsgov.migration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.springframework.stereotype.Component;

/**
 * Steps of "register-import" (初期移行, A7, A8-5, A9-1): the office's files are kept with the import and checked (the
 * dry run), the office confirms the counts (not while a row is wrong), and the rows are written in chunks of jobs,
 * each chunk its own transaction (ImportChunks).
 */
@Component
public class ImportSteps {

    /** Rows a confirmation shows at most; the register page and the dry run's REST answer have them all. */
    private static final int SHOWN_PROBLEMS = 50;

    private final DirectoryService directory;
    private final ImportRegister imports;
    private final Known known;
    private final String confirmWithin;

    public ImportSteps(DirectoryService directory, ImportRegister imports, Known known,
                       MigrationProperties settings) {
        this.directory = directory;
        this.imports = imports;
        this.known = known;
        this.confirmWithin = settings.confirmWithin();
    }

    /**
     * The start: an active member of the office (the engine's starter, checked in the register), the files taken out
     * of the variables into the import's register rows, and the dry run of them (nothing written to the register).
     */
    public JavaDelegate receive() {
        return execution -> {
            Staff office = directory.requireActiveWithRole(Facts.starter(execution), Role.OFFICE);
            List<DryRun.Upload> uploads = uploads(execution);
            long importId = imports.create(office.userId(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("import:" + importId);
            execution.setVariable("importId", importId);
            execution.setVariable("expireAfter", confirmWithin);
            DryRun.Report report = DryRun.check(uploads, known);
            store(importId, uploads, report);
            int total = report.files().stream().mapToInt(DryRun.FileReport::rows).sum();
            int toCreate = report.files().stream().mapToInt(DryRun.FileReport::toCreate).sum();
            String problems = report.problems().stream().limit(SHOWN_PROBLEMS)
                    .map(p -> p.file() + " " + p.line() + "行目" + (p.column().isEmpty() ? "" : "「" + p.column() + "」")
                            + ": " + p.reason()).collect(Collectors.joining("\n"));
            imports.checked(importId, report.clean(), total, toCreate, report.problems().size(),
                    problems.length() > 4000 ? problems.substring(0, 4000) : problems);
            execution.setVariable("importClean", report.clean());
            execution.setVariable("importSummary", summary(report));
            execution.setVariable("importProblems", report.clean() ? "なし" : report.problems().size() + "件\n" + problems);
            execution.setVariable("importDecisionOptions", Vars.options(report.clean()
                    ? List.of(new Vars.Option("取り込む", "import"), new Vars.Option("取り込まない", "cancel"))
                    : List.of(new Vars.Option("取り込まない（ファイルを直して、もう一度開始してください）", "cancel"))));
        };
    }

    /** 取り込む / 取り込まない, decided by an active member of the office; never with a wrong row. */
    public JavaDelegate checkDecision() {
        return execution -> {
            Staff office = directory.requireActiveWithRole(Facts.authenticated(execution), Role.OFFICE);
            String decision = Vars.choice(execution, "importDecision", "判断", "import", "cancel");
            long importId = (Long) execution.getVariable("importId");
            if ("import".equals(decision) && !Boolean.TRUE.equals(execution.getVariable("importClean"))) {
                throw new UserError("誤りのある行があるため取り込めません。ファイルを直して、もう一度開始してください",
                        "the files have rows with errors: they cannot be imported");
            }
            imports.decided(importId, "import".equals(decision) ? "RUNNING" : "CANCELLED", office.userId());
            execution.setVariable("decidedBy", office.userId());
            execution.removeVariable("importDecisionOptions");
        };
    }

    /** Nobody decided in time: the import ends without writing anything. */
    public JavaDelegate expire() {
        return execution -> imports.finished((Long) execution.getVariable("importId"), "EXPIRED");
    }

    /** Every chunk is done: the import is complete (the history has every row). */
    public JavaDelegate finish() {
        return execution -> imports.finished((Long) execution.getVariable("importId"), "DONE");
    }

    /**
     * The files the office sent, at least one. The engine's gate takes plain values only (no serialized objects), so a
     * file is text: the CSV itself (it has commas), or the file's bytes in Base64 as a program sends a file, which
     * keeps Excel's Shift_JIS for the decoding of the dry run. A String variable holds at most 4,000 characters in
     * the engine's tables, so a real file comes as a Json variable whose value is one JSON string (kept as bytes).
     */
    private static List<DryRun.Upload> uploads(DelegateExecution execution) {
        List<DryRun.Upload> uploads = new ArrayList<>();
        for (ImportFile kind : ImportFile.values()) {
            String name = kind.fileName() + "Csv";
            Object value = execution.getVariable(name);
            String text = value instanceof String string ? string
                    : value instanceof SpinJsonNode json && json.isString() ? json.stringValue() : null;
            if (text != null && !text.isBlank()) {
                uploads.add(new DryRun.Upload(kind.label() + ".csv", bytes(name, text)));
            } else if (value != null) {
                throw new UserError(name + "はCSVファイル（本文またはBase64）にしてください", name + " must be a CSV file");
            }
            // the files live in the import's register rows from now on, not in the engine's variables
            execution.removeVariable(name);
        }
        if (uploads.isEmpty()) {
            throw new UserError("取り込むファイル（事業所・職員・患者・グループ・メンバー・端末のCSV）がありません", "no file to import");
        }
        return uploads;
    }

    private static byte[] bytes(String name, String text) {
        if (text.contains(",")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(name + "はCSVの本文かBase64にしてください", name + " is neither CSV text nor Base64");
        }
    }

    /** Each file recognised by its header is kept, decoded, with the import. */
    private void store(long importId, List<DryRun.Upload> uploads, DryRun.Report report) {
        for (DryRun.Upload upload : uploads) {
            CsvText.Decoded text = CsvText.decode(upload.bytes());
            List<CsvText.Row> rows = CsvText.parse(text.text());
            ImportFile kind = rows.isEmpty() ? null : ImportFile.byHeader(rows.get(0).cells());
            if (kind != null && imports.file(importId, kind).isEmpty()) {
                imports.storeFile(importId, kind, upload.fileName(), text.encoding(), text.text());
            }
        }
    }

    private static String summary(DryRun.Report report) {
        return report.files().stream().map(f -> f.kind() + "（" + f.file() + "、" + f.encoding() + "）: " + f.rows()
                + "行、新規 " + f.toCreate() + "、台帳に既にある " + f.existing())
                .collect(Collectors.joining("\n"));
    }
}
