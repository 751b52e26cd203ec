package org.mcsgov.migration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.platform.EngineClock;

/** The checks of one file's rows, column by column, each failure a problem with its line and column. */
final class RowChecks {

    enum Outcome { CREATE, EXISTING, BAD }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern KATAKANA = Pattern.compile("[ァ-ヶー・　 ]+");
    private static final Pattern TELEPHONE = Pattern.compile("[0-9][0-9-]{8,14}");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");
    static final Map<String, FacilityKind> KINDS = Arrays.stream(FacilityKind.values())
            .filter(kind -> kind != FacilityKind.ASSOCIATION).collect(Collectors.toMap(FacilityKind::label, k -> k));
    static final Map<String, Role> ROLES = Arrays.stream(Role.values()).filter(role -> role != Role.OFFICE)
            .collect(Collectors.toMap(Role::label, r -> r));

    private final String file;
    private final ImportFile kind;
    private final Known known;
    private final Set<String> facilitiesInFiles;
    private final List<DryRun.Problem> problems;
    /** key (id, e-mail) → the line it first appeared on in this file. */
    private final Map<String, Integer> seen = new HashMap<>();
    private boolean bad;
    private CsvText.Row row;

    RowChecks(String file, ImportFile kind, Known known, Set<String> facilitiesInFiles, List<DryRun.Problem> problems) {
        this.file = file;
        this.kind = kind;
        this.known = known;
        this.facilitiesInFiles = facilitiesInFiles;
        this.problems = problems;
    }

    Outcome check(CsvText.Row row) {
        this.row = row;
        bad = false;
        if (row.cells().size() != kind.headers().size()) {
            problem("", "列の数が見出しと違います（" + row.cells().size() + "列、見出しは" + kind.headers().size() + "列）");
            return Outcome.BAD;
        }
        boolean existing = kind == ImportFile.FACILITIES ? facility() : staff();
        return bad ? Outcome.BAD : existing ? Outcome.EXISTING : Outcome.CREATE;
    }

    private boolean facility() {
        String id = required("事業所ID");
        if (id != null && matches("事業所ID", ID, "英小文字・数字・「.」「-」で2〜32文字")) {
            unique("事業所ID", id);
            facilitiesInFiles.add(id);
        }
        length("事業所名", 200);
        String kindLabel = required("種別");
        if (kindLabel != null && !KINDS.containsKey(kindLabel)) {
            problem("種別", "「" + String.join("」「", KINDS.keySet()) + "」のいずれかにしてください: " + kindLabel);
        }
        length("住所", 300);
        matches("電話番号", TELEPHONE, "数字とハイフンで（例: 042-000-0001）");
        String uses = required("MCS利用");
        if (uses != null && !uses.equals("はい") && !uses.equals("いいえ")) {
            problem("MCS利用", "「はい」か「いいえ」にしてください: " + uses);
        }
        pastDate("連携守秘誓約書の締結日");
        return id != null && known.facility(id);
    }

    private boolean staff() {
        String facility = required("事業所ID");
        if (facility != null && !facilitiesInFiles.contains(facility) && !known.facility(facility)) {
            problem("事業所ID", "事業所のファイルにも台帳にもない事業所です: " + facility);
        }
        String userId = required("ユーザーID");
        boolean existing = false;
        if (userId != null && matches("ユーザーID", ID, "英小文字・数字・「.」「-」で2〜32文字")) {
            unique("ユーザーID", userId);
            existing = known.user(userId);
        }
        length("氏名", 100);
        if (required("ふりがな") != null) {
            matches("ふりがな", KATAKANA, "全角カタカナで");
        }
        length("職種", 32);
        String email = required("メールアドレス");
        if (email != null && matches("メールアドレス", EMAIL, "例: tanaka@hibari.example.jp の形で")) {
            unique("メールアドレス", email.toLowerCase());
            if (!existing && known.liveEmail(email)) {
                problem("メールアドレス", "台帳の別の職員が使っているメールアドレスです（1人1ID、A11-2）: " + email);
            }
        }
        for (String role : roleLabels(value("役割"))) {
            if (!ROLES.containsKey(role)) {
                problem("役割", "「" + String.join("」「", ROLES.keySet()) + "」を「・」で区切って書いてください: " + role);
            }
        }
        return existing;
    }

    /** The role labels of a 役割 cell, separated as offices write them (・ ; 、 , or spaces). */
    static List<String> roleLabels(String cell) {
        return Arrays.stream(cell.split("[・;；、,，\\s]+")).filter(role -> !role.isEmpty()).toList();
    }

    /** A date as 2022/08/01 or 2022-08-01. */
    static LocalDate date(String value) {
        return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
    }

    private String value(String column) {
        return row.cells().get(kind.headers().indexOf(column));
    }

    private String required(String column) {
        String value = value(column);
        if (value.isEmpty()) {
            problem(column, "必須の項目が空です");
            return null;
        }
        return value;
    }

    private void length(String column, int max) {
        String value = required(column);
        if (value != null && value.length() > max) {
            problem(column, max + "文字以内にしてください（" + value.length() + "文字）");
        }
    }

    private boolean matches(String column, Pattern pattern, String how) {
        String value = value(column);
        if (!pattern.matcher(value).matches()) {
            problem(column, how + "書いてください: " + value);
            return false;
        }
        return true;
    }

    private void unique(String column, String value) {
        Integer first = seen.putIfAbsent(column + "\u0000" + value, row.line());
        if (first != null) {
            problem(column, first + "行目と同じ" + column + "です: " + value);
        }
    }

    private void pastDate(String column) {
        String value = required(column);
        if (value == null) {
            return;
        }
        try {
            LocalDate date = date(value);
            if (date.isAfter(EngineClock.today())) {
                problem(column, "未来の日付です: " + value);
            }
        } catch (DateTimeParseException e) {
            problem(column, "日付は 2022/08/01 か 2022-08-01 の形で書いてください: " + value);
        }
    }

    private void problem(String column, String reason) {
        bad = true;
        problems.add(new DryRun.Problem(file, row.line(), column, reason));
    }
}
