package org.mcsgov.migration;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;

/** The checks of one file's rows by what each kind of row means (references, roles, kinds); the cells' own in {@link RowCells}. */
final class RowChecks extends RowCells {

    enum Outcome { CREATE, EXISTING, BAD }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern KATAKANA = Pattern.compile("[ァ-ヶー・　 ]+");
    private static final Pattern TELEPHONE = Pattern.compile("[0-9][0-9-]{8,14}");
    static final Map<String, FacilityKind> KINDS = Arrays.stream(FacilityKind.values())
            .filter(kind -> kind != FacilityKind.ASSOCIATION).collect(Collectors.toMap(FacilityKind::label, k -> k));
    static final Map<String, Role> ROLES = Arrays.stream(Role.values()).filter(role -> role != Role.OFFICE)
            .collect(Collectors.toMap(Role::label, r -> r));

    private final ImportFile kind;
    private final Known known;
    private final InFiles inFiles;

    /** The keys of the files checked before (files are checked in ImportFile's order), for the references. */
    static final class InFiles {
        final Set<String> facilities = new HashSet<>();
        final Set<String> users = new HashSet<>();
        /** facility, kana, birth date of the patients file. */
        final Set<String> patients = new HashSet<>();
        /** facility and name of the groups file → the coordinator's user id. */
        final Map<String, String> groups = new HashMap<>();
        /** facility and name of the groups file's groups that are in the register already. */
        final Set<String> existingGroups = new HashSet<>();
    }

    static final Map<String, String> GROUP_KINDS = Map.of("患者", "PATIENT", "フリー", "FREE");
    static final Map<String, String> CONSENTERS = Map.of("本人", "PATIENT", "家族", "FAMILY");
    static final Map<String, String> DEVICE_KINDS = Map.of("パソコン", "PC", "タブレット", "TABLET",
            "スマートフォン", "SMARTPHONE", "USBメモリ等", "USB_MEDIUM", "その他", "OTHER");
    static final Map<String, String> OWNERSHIPS = Map.of("事業所所有", "FACILITY", "個人所有", "PERSONAL");

    RowChecks(String file, ImportFile kind, Known known, InFiles inFiles, List<DryRun.Problem> problems) {
        super(file, kind, problems);
        this.kind = kind;
        this.known = known;
        this.inFiles = inFiles;
    }

    Outcome check(CsvText.Row row) {
        begin(row);
        if (row.cells().size() != kind.headers().size()) {
            problem("", "列の数が見出しと違います（" + row.cells().size() + "列、見出しは" + kind.headers().size() + "列）");
            return Outcome.BAD;
        }
        boolean existing = switch (kind) {
            case FACILITIES -> facility();
            case STAFF -> staff();
            case PATIENTS -> patient();
            case GROUPS -> group();
            case MEMBERSHIPS -> membership();
            case DEVICES -> device();
        };
        return bad() ? Outcome.BAD : existing ? Outcome.EXISTING : Outcome.CREATE;
    }

    private boolean facility() {
        String id = required("事業所ID");
        if (id != null && matches("事業所ID", ID, "英小文字・数字・「.」「-」で2〜32文字")) {
            unique("事業所ID", id);
            inFiles.facilities.add(id);
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
        knownFacility();
        String userId = required("ユーザーID");
        boolean existing = false;
        if (userId != null && matches("ユーザーID", ID, "英小文字・数字・「.」「-」で2〜32文字")) {
            unique("ユーザーID", userId);
            inFiles.users.add(userId);
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

    /** A patient with the consent on record at migration (the signed consent kept at the facility). */
    private boolean patient() {
        String facility = knownFacility();
        length("氏名", 100);
        String kana = required("ふりがな");
        if (kana != null) {
            matches("ふりがな", KATAKANA, "全角カタカナで");
        }
        LocalDate birth = pastDate("生年月日");
        pastDate("同意日");
        String consenter = required("同意者（本人・家族）");
        if (consenter != null && !CONSENTERS.containsKey(consenter)) {
            problem("同意者（本人・家族）", "「本人」か「家族」にしてください: " + consenter);
        }
        if ("家族".equals(consenter)) {
            length("同意者氏名", 100);
            length("続柄", 50);
        }
        if (value("同意書の番号").length() > 100) {
            problem("同意書の番号", "100文字以内にしてください");
        }
        if (facility == null || kana == null || birth == null) {
            return false;
        }
        String key = facility + "\u0000" + kana + "\u0000" + birth;
        unique("ふりがな", key, "同じ事業所・ふりがな・生年月日の患者です: " + kana + "、" + birth);
        inFiles.patients.add(key);
        return known.patient(facility, kana, birth);
    }

    /** A patient group (with its patient) or a free group (with its purpose), named by facility and group name. */
    private boolean group() {
        String facility = knownFacility();
        String name = required("グループ名");
        if (name != null && name.length() > 100) {
            problem("グループ名", "100文字以内にしてください（" + name.length() + "文字）");
        }
        String groupKind = required("種別");
        if (groupKind != null && !GROUP_KINDS.containsKey(groupKind)) {
            problem("種別", "「患者」か「フリー」にしてください: " + groupKind);
        }
        String coordinator = required("コーディネーターのユーザーID");
        if (coordinator != null) {
            knownUser("コーディネーターのユーザーID", coordinator);
        }
        pastDate("開始日");
        if (value("目的").length() > 500) {
            problem("目的", "500文字以内にしてください");
        }
        boolean existing = facility != null && name != null && known.group(facility, name);
        if (facility != null && name != null) {
            unique("グループ名", facility + "\u0000" + name, "同じ事業所の同じグループ名です: " + name);
            inFiles.groups.put(facility + "\u0000" + name, coordinator == null ? "" : coordinator);
            if (existing) {
                inFiles.existingGroups.add(facility + "\u0000" + name);
            }
        }
        if ("患者".equals(groupKind)) {
            String kana = required("患者のふりがな");
            LocalDate birth = pastDate("患者の生年月日");
            if (facility != null && kana != null && birth != null) {
                String patient = facility + "\u0000" + kana + "\u0000" + birth;
                if (!inFiles.patients.contains(patient) && !known.patient(facility, kana, birth)) {
                    problem("患者のふりがな", "患者のファイルにも台帳にもないこの事業所の患者です: " + kana + "、" + birth);
                } else {
                    unique("患者のふりがな", "patient\u0000" + patient, "同じ患者のグループです（1患者1グループ、N1-1）: " + kana);
                    if (!existing && known.patientHasLiveGroup(facility, kana, birth)) {
                        problem("患者のふりがな", "この患者のグループは台帳に既にあります（1患者1グループ、N1-1）: " + kana);
                    }
                }
            }
        } else if ("フリー".equals(groupKind)) {
            required("目的");
            if (!value("患者のふりがな").isEmpty() || !value("患者の生年月日").isEmpty()) {
                problem("患者のふりがな", "フリーグループには患者を書かないでください");
            }
        }
        return existing;
    }

    /** A member of a group of the groups file or the register, since the day they joined. */
    private boolean membership() {
        String facility = knownFacility();
        String name = required("グループ名");
        String userId = required("ユーザーID");
        if (userId != null) {
            knownUser("ユーザーID", userId);
        }
        pastDate("参加日");
        if (facility == null || name == null) {
            return false;
        }
        String group = facility + "\u0000" + name;
        String coordinator = inFiles.groups.get(group);
        boolean inRegister = coordinator == null && known.group(facility, name);
        if (coordinator == null && !inRegister) {
            problem("グループ名", "グループのファイルにも台帳にもないこの事業所のグループです: " + name);
            return false;
        }
        if (userId == null) {
            return false;
        }
        unique("ユーザーID", group + "\u0000" + userId, "同じグループの同じ人です: " + userId);
        // the coordinator is a member from the group's start (the group's row opens that membership); only a group in
        // the register can have members already
        return userId.equals(coordinator)
                || (inRegister || inFiles.existingGroups.contains(group)) && known.member(facility, name, userId);
    }

    /** A device of the facility, named by its asset number; personally owned ones with their owner (A12-10). */
    private boolean device() {
        String facility = knownFacility();
        String asset = required("資産番号");
        if (asset != null && asset.length() > 64) {
            problem("資産番号", "64文字以内にしてください（" + asset.length() + "文字）");
        }
        String deviceKind = required("種類");
        if (deviceKind != null && !DEVICE_KINDS.containsKey(deviceKind)) {
            problem("種類", "「パソコン」「タブレット」「スマートフォン」「USBメモリ等」「その他」のいずれかにしてください: " + deviceKind);
        }
        length("機種", 200);
        String ownership = required("所有");
        if (ownership != null && !OWNERSHIPS.containsKey(ownership)) {
            problem("所有", "「事業所所有」か「個人所有」にしてください: " + ownership);
        }
        String owner = value("所有者のユーザーID");
        if ("個人所有".equals(ownership) && owner.isEmpty()) {
            problem("所有者のユーザーID", "個人所有の端末には所有者を書いてください（A12-10）");
        } else if (!owner.isEmpty()) {
            knownUser("所有者のユーザーID", owner);
        }
        if (facility == null || asset == null) {
            return false;
        }
        unique("資産番号", facility + "\u0000" + asset, "同じ事業所の同じ資産番号です: " + asset);
        return known.device(facility, asset);
    }

    /** The 事業所ID of a row: in the facilities file or the register. */
    private String knownFacility() {
        String facility = required("事業所ID");
        if (facility != null && !inFiles.facilities.contains(facility) && !known.facility(facility)) {
            problem("事業所ID", "事業所のファイルにも台帳にもない事業所です: " + facility);
            return null;
        }
        return facility;
    }

    private void knownUser(String column, String userId) {
        if (!inFiles.users.contains(userId) && !known.user(userId)) {
            problem(column, "職員のファイルにも台帳にもないユーザーIDです: " + userId);
        }
    }

    /** The role labels of a 役割 cell, separated as offices write them (・ ; 、 , or spaces). */
    static List<String> roleLabels(String cell) {
        return Arrays.stream(cell.split("[・;；、,，\\s]+")).filter(role -> !role.isEmpty()).toList();
    }
}
