package org.mcsgov.device;

import java.util.EnumMap;
import java.util.Map;

/**
 * The security checklist of article 12 (A12-1..A12-8), each item answered yes / no / n.a. A "no" to one of the
 * required items (A12-1..A12-5, what the policy demands of every device) makes the device unusable for MCS until it
 * is checked again; A12-6..A12-8 are what the policy asks to consider, so a "no" there is recorded, not refused.
 */
public enum CheckItem {
    SCREEN_LOCK("screen_lock", "起動パスワードまたは画面ロック", "A12-1", true),
    NO_FILE_SHARING("no_file_sharing", "ファイル共有ソフトを入れていない", "A12-2", true),
    ANTIVIRUS("antivirus", "ウイルス対策ソフト", "A12-3", true),
    NO_SAVED_PASSWORDS("no_saved_passwords", "ブラウザにパスワードを保存しない", "A12-4", true),
    NO_DATA_COPY("no_data_copy", "MCSの情報をダウンロード・コピー・画面保存しない", "A12-5", true),
    REMOTE_WIPE("remote_wipe", "遠隔でデータを消去できる", "A12-6", false),
    LINE_STOP("line_stop", "緊急時に回線を止められる", "A12-7", false),
    MDM("mdm", "MDM（端末管理）", "A12-8", false);

    private final String column;
    private final String label;
    private final String article;
    private final boolean required;

    CheckItem(String column, String label, String article, boolean required) {
        this.column = column;
        this.label = label;
        this.article = article;
        this.required = required;
    }

    /** Every item answered the same way (a device checked at start-up, e.g. the demo's). */
    public static Map<CheckItem, String> answeredAll(String answer) {
        Map<CheckItem, String> answers = new EnumMap<>(CheckItem.class);
        for (CheckItem item : values()) {
            answers.put(item, answer);
        }
        return answers;
    }

    /** Column in device_check and form key (camelCase of the column, prefixed "check"). */
    public String column() {
        return column;
    }

    public String formKey() {
        StringBuilder key = new StringBuilder("check");
        for (String part : column.split("_")) {
            key.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return key.toString();
    }

    public String label() {
        return label + "（" + article + "）";
    }

    public boolean fails(String answer) {
        return required && "NO".equals(answer);
    }
}
