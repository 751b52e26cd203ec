package org.mcsgov.migration;

import java.util.List;

/**
 * The files of a migration (初期移行) with their Japanese headers, in the order they are read and written: facilities,
 * the staff who work there, patients with their consent, their groups (and free groups), memberships, devices. A group
 * is named by its originating facility and its MCS group name; a patient by facility, kana and birth date. A file is recognised by its header row, whatever its name.
 */
public enum ImportFile {
    FACILITIES("facilities", "事業所", List.of("事業所ID", "事業所名", "種別", "住所", "電話番号", "MCS利用", "連携守秘誓約書の締結日"),
            List.of("hibari-clinic", "ひばり在宅診療所", "診療所", "東京都小平市小川町1-1", "042-000-0001", "はい", "2022/08/01")),
    STAFF("staff", "職員", List.of("事業所ID", "ユーザーID", "氏名", "ふりがな", "職種", "メールアドレス", "役割"),
            List.of("hibari-clinic", "hibari-tanaka", "田中 花子", "タナカ ハナコ", "看護師", "tanaka@hibari.example.jp",
                    "MCS管理者・担当者")),
    PATIENTS("patients", "患者", List.of("事業所ID", "氏名", "ふりがな", "生年月日", "同意日", "同意者（本人・家族）",
            "同意者氏名", "続柄", "同意書の番号"),
            List.of("hibari-clinic", "小川 一郎", "オガワ イチロウ", "1938/04/01", "2023/05/10", "家族", "小川 花子", "長女",
                    "同意書-0001")),
    GROUPS("groups", "グループ", List.of("事業所ID", "グループ名", "種別", "患者のふりがな", "患者の生年月日", "目的",
            "コーディネーターのユーザーID", "開始日"),
            List.of("hibari-clinic", "小川一郎さん", "患者", "オガワ イチロウ", "1938/04/01", "", "hibari-tanaka",
                    "2023/05/15")),
    MEMBERSHIPS("memberships", "メンバー", List.of("事業所ID", "グループ名", "ユーザーID", "参加日"),
            List.of("hibari-clinic", "小川一郎さん", "hibari-tanaka", "2023/05/15")),
    DEVICES("devices", "端末", List.of("事業所ID", "資産番号", "種類", "機種", "所有", "所有者のユーザーID"),
            List.of("hibari-clinic", "HB-PC-01", "パソコン", "ノートPC（受付）", "事業所所有", ""));

    private final String name;
    private final String label;
    private final List<String> headers;
    private final List<String> sample;

    ImportFile(String name, String label, List<String> headers, List<String> sample) {
        this.name = name;
        this.label = label;
        this.headers = headers;
        this.sample = sample;
    }

    /** The template's file name without ".csv". */
    public String fileName() {
        return name;
    }

    public String label() {
        return label;
    }

    public List<String> headers() {
        return headers;
    }

    /** One example row for the template. */
    public List<String> sample() {
        return sample;
    }

    /** The kind whose headers the row has, or null. */
    static ImportFile byHeader(List<String> header) {
        for (ImportFile file : values()) {
            if (file.headers.equals(header)) {
                return file;
            }
        }
        return null;
    }
}
