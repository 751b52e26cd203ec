package org.mcsgov.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.migration.DryRun.Problem;

@DisplayName("初期移行 dry run: encodings, every bad row with file, line, column and reason, counts; nothing written")
class DryRunTest {

    private static final String FACILITIES = "事業所ID,事業所名,種別,住所,電話番号,MCS利用,連携守秘誓約書の締結日\r\n";
    private static final String STAFF = "事業所ID,ユーザーID,氏名,ふりがな,職種,メールアドレス,役割\r\n";

    /** The register holds the clinic, its user clinic-admin and that person's e-mail. */
    private static final Known REGISTER = new Known() {
        public boolean facility(String id) {
            return id.equals("clinic");
        }

        public boolean user(String userId) {
            return userId.equals("clinic-admin");
        }

        public boolean liveEmail(String email) {
            return Set.of("clinic-admin@example.jp", "taken@example.jp").contains(email.toLowerCase());
        }
    };

    private static DryRun.Upload utf8(String name, String text, boolean bom) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return new DryRun.Upload(name, body);
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return new DryRun.Upload(name, withBom);
    }

    @Test
    @DisplayName("a clean pair of files in three encodings: counts per file, existing rows counted, nothing bad")
    void cleanInEveryEncoding() {
        String facilities = FACILITIES + "hibari,ひばり在宅診療所,診療所,\"東京都小平市小川町1-1, 2階\",042-000-0001,はい,2022/08/01\r\n";
        String staff = STAFF + "hibari,hibari-tanaka,田中 花子,タナカ ハナコ,看護師,tanaka@example.jp,MCS管理者・担当者\r\n"
                + "clinic,clinic-admin,既存 太郎,キソン タロウ,医師,clinic-admin@example.jp,MCS管理者\r\n"
                + "clinic,clinic-new,新規 次郎,シンキ ジロウ,薬剤師,new@example.jp,\r\n";
        var report = DryRun.check(List.of(utf8("事業所.csv", facilities, true),
                new DryRun.Upload("職員.csv", staff.getBytes(CsvText.WINDOWS_31J))), REGISTER);

        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).extracting(DryRun.FileReport::kind, DryRun.FileReport::encoding,
                DryRun.FileReport::rows, DryRun.FileReport::toCreate, DryRun.FileReport::existing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("事業所", "UTF-8（BOM付き）", 1, 1, 0),
                        org.assertj.core.groups.Tuple.tuple("職員", "Windows-31J（Shift_JIS）", 3, 2, 1));
        assertThat(DryRun.check(List.of(utf8("staff.csv", STAFF + "clinic,clinic-x,試験 太郎,シケン タロウ,医師,x@example.jp,従事者\n",
                false)), REGISTER).files().get(0).encoding()).isEqualTo("UTF-8");
    }

    @Test
    @DisplayName("every bad row: file, line (quoted line breaks counted), column and a Japanese reason")
    void everyBadRow() {
        String facilities = FACILITIES
                + "Hibari!,,病棟,\"住所\n2行目\",abc,たぶん,2099-01-01\r\n"
                + "hibari,ひばり,診療所,住所,042-000-0001,はい,2022/13/01\r\n"
                + "hibari,ひばり2,薬局,住所,042-000-0002,いいえ,2022-08-01\r\n"
                + "short,row\r\n";
        String staff = STAFF
                + "nowhere,a,田中,tanaka,看護師,bad-mail,院長\r\n"
                + "hibari,hibari-b,田中 花子,タナカ ハナコ,看護師,taken@example.jp,担当者\r\n"
                + "hibari,hibari-b,田中 花子,タナカ ハナコ,看護師,b2@example.jp,担当者\r\n";
        var report = DryRun.check(List.of(utf8("facilities.csv", facilities, false), utf8("staff.csv", staff, false),
                utf8("notes.csv", "メモ,内容\r\nx,y\r\n", false)), REGISTER);

        assertThat(report.clean()).isFalse();
        assertThat(report.problems()).extracting(Problem::file, Problem::line, Problem::column).contains(
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 2, "事業所ID"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 2, "事業所名"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 2, "種別"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 2, "電話番号"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 2, "MCS利用"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 2, "連携守秘誓約書の締結日"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 4, "連携守秘誓約書の締結日"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 5, "事業所ID"),
                org.assertj.core.groups.Tuple.tuple("facilities.csv", 6, ""),
                org.assertj.core.groups.Tuple.tuple("staff.csv", 2, "事業所ID"),
                org.assertj.core.groups.Tuple.tuple("staff.csv", 2, "ユーザーID"),
                org.assertj.core.groups.Tuple.tuple("staff.csv", 2, "ふりがな"),
                org.assertj.core.groups.Tuple.tuple("staff.csv", 2, "メールアドレス"),
                org.assertj.core.groups.Tuple.tuple("staff.csv", 2, "役割"),
                org.assertj.core.groups.Tuple.tuple("staff.csv", 3, "メールアドレス"),
                org.assertj.core.groups.Tuple.tuple("staff.csv", 4, "ユーザーID"),
                org.assertj.core.groups.Tuple.tuple("notes.csv", 1, ""));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason()).isEqualTo("4行目と同じ事業所IDです: hibari")
                .matches(r -> p.line() == 5));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason()).contains("未来の日付"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason()).contains("事業所のファイルにも台帳にもない"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason()).contains("1人1ID"));
        assertThat(report.files()).extracting(DryRun.FileReport::toCreate).containsExactly(0, 0);
    }

    @Test
    @DisplayName("CSV: quoted commas, doubled quotes and line breaks; blank lines skipped; a Windows-31J file that is not UTF-8")
    void csvText() {
        var rows = CsvText.parse("a,\"b,\"\"c\"\"\"\r\n\r\n\"x\ny\",z\n");
        assertThat(rows).extracting(CsvText.Row::line).containsExactly(1, 3);
        assertThat(rows.get(0).cells()).containsExactly("a", "b,\"c\"");
        assertThat(rows.get(1).cells()).containsExactly("x\ny", "z");
        assertThat(CsvText.decode("髙橋・﨑".getBytes(CsvText.WINDOWS_31J)).text()).isEqualTo("髙橋・﨑");
    }

    @Test
    @DisplayName("patients, groups and memberships in Shift_JIS referring to the register's facility and staff: the coordinator's row found, a future date and an unknown group refused")
    void groupFilesAgainstTheRegister() {
        String patients = String.join(",", ImportFile.PATIENTS.headers()) + "\r\n"
                + "clinic,小川 一郎,オガワ イチロウ,1938/04/01,2023/05/10,本人,,,\r\n";
        String groups = String.join(",", ImportFile.GROUPS.headers()) + "\r\n"
                + "clinic,小川一郎さん,患者,オガワ イチロウ,1938/04/01,,clinic-admin,2023/05/15\r\n"
                + "clinic,連絡会,フリー,,,地域の連絡,clinic-admin,2999/01/01\r\n";
        String memberships = String.join(",", ImportFile.MEMBERSHIPS.headers()) + "\r\n"
                + "clinic,小川一郎さん,clinic-admin,2023/05/15\r\n"
                + "clinic,小川二郎さん,clinic-admin,2023/05/15\r\n";
        var report = DryRun.check(List.of(new DryRun.Upload("g.csv", groups.getBytes(CsvText.WINDOWS_31J)),
                new DryRun.Upload("m.csv", memberships.getBytes(CsvText.WINDOWS_31J)),
                utf8("p.csv", patients, true)), REGISTER);

        assertThat(report.files()).extracting(DryRun.FileReport::kind, DryRun.FileReport::rows,
                DryRun.FileReport::toCreate, DryRun.FileReport::existing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("患者", 1, 1, 0),
                        org.assertj.core.groups.Tuple.tuple("グループ", 2, 1, 0),
                        org.assertj.core.groups.Tuple.tuple("メンバー", 2, 0, 1));
        assertThat(report.problems()).extracting(DryRun.Problem::file, DryRun.Problem::line, DryRun.Problem::column,
                DryRun.Problem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("g.csv", 3, "開始日", "未来の日付です: 2999/01/01"),
                org.assertj.core.groups.Tuple.tuple("m.csv", 3, "グループ名",
                        "グループのファイルにも台帳にもないこの事業所のグループです: 小川二郎さん"));
    }
}
