package org.mcsgov.correction;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;

/** Every field a person typed that can be corrected, with its column and how a new value is checked. */
public enum CorrectionField {
    STAFF_NAME(CorrectionKind.STAFF, "name", "氏名", Format.TEXT),
    STAFF_KANA(CorrectionKind.STAFF, "kana", "ふりがな", Format.KATAKANA),
    STAFF_EMAIL(CorrectionKind.STAFF, "email", "メールアドレス", Format.EMAIL),
    STAFF_PROFESSION(CorrectionKind.STAFF, "profession", "職種", Format.SHORT_TEXT),
    STAFF_DISPLAY_NAME(CorrectionKind.STAFF, "display_name", "表示名（プロフィール）", Format.TEXT),
    PATIENT_NAME(CorrectionKind.PATIENT, "name", "氏名", Format.TEXT),
    PATIENT_KANA(CorrectionKind.PATIENT, "kana", "ふりがな", Format.KATAKANA),
    PATIENT_BIRTH_DATE(CorrectionKind.PATIENT, "birth_date", "生年月日", Format.PAST_DATE),
    CONSENT_CONSENTER(CorrectionKind.CONSENT, "consenter_type", "同意した人（本人・家族）", Format.CONSENTER),
    CONSENT_CONSENTER_NAME(CorrectionKind.CONSENT, "consenter_name", "同意した人の氏名", Format.TEXT),
    CONSENT_RELATION(CorrectionKind.CONSENT, "consenter_relation", "同意した人の続柄", Format.SHORT_TEXT),
    CONSENT_METHOD(CorrectionKind.CONSENT, "method", "同意の方法（書面・口頭）", Format.CONSENT_METHOD),
    CONSENT_DATE(CorrectionKind.CONSENT, "consent_date", "同意した日", Format.PAST_DATE),
    DEVICE_ASSET_NUMBER(CorrectionKind.DEVICE, "asset_number", "資産番号", Format.SHORT_TEXT),
    DEVICE_MODEL(CorrectionKind.DEVICE, "model", "機種・説明", Format.TEXT),
    FREE_GROUP_PURPOSE(CorrectionKind.FREE_GROUP, "purpose", "目的", Format.LONG_TEXT),
    FACILITY_NAME(CorrectionKind.FACILITY, "name", "事業所名", Format.TEXT),
    FACILITY_ADDRESS(CorrectionKind.FACILITY, "address", "住所", Format.TEXT),
    FACILITY_TELEPHONE(CorrectionKind.FACILITY, "telephone", "電話番号", Format.TELEPHONE);

    private final CorrectionKind kind;
    private final String column;
    private final String label;
    private final Format format;

    CorrectionField(CorrectionKind kind, String column, String label, Format format) {
        this.kind = kind;
        this.column = column;
        this.label = label;
        this.format = format;
    }

    public CorrectionKind kind() {
        return kind;
    }

    String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The new value as the register stores it; a value that does not fit is refused in Japanese. */
    Object parse(String text) {
        return format.parse(text, label);
    }

    /** The stored value as people read it (書面 for WRITTEN). */
    String display(Object stored) {
        return stored == null ? "" : format.display(stored.toString());
    }

    private enum Format {
        TEXT(null), SHORT_TEXT(null), LONG_TEXT(null), KATAKANA(null), EMAIL(null), TELEPHONE(null), PAST_DATE(null),
        CONSENT_METHOD(Map.of("書面", "WRITTEN", "口頭", "VERBAL")),
        CONSENTER(Map.of("本人", "PATIENT", "家族", "FAMILY"));

        private static final Pattern KATAKANA_TEXT = Pattern.compile("[ァ-ヶー・　 ]+");
        private static final Pattern TELEPHONE_TEXT = Pattern.compile("[0-9][0-9-]{8,14}");
        private static final Pattern EMAIL_TEXT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

        /** A coded value's words as people type them → the code the register stores. */
        private final Map<String, String> codes;

        Format(Map<String, String> codes) {
            this.codes = codes;
        }

        String display(String stored) {
            return codes == null ? stored : codes.entrySet().stream().filter(e -> e.getValue().equals(stored))
                    .map(Map.Entry::getKey).findFirst().orElse(stored);
        }

        Object parse(String text, String label) {
            switch (this) {
                case TEXT -> require(text.length() <= 100, label + "は100文字以内にしてください", label);
                case SHORT_TEXT -> require(text.length() <= 32, label + "は32文字以内にしてください", label);
                case LONG_TEXT -> require(text.length() <= 500, label + "は500文字以内にしてください", label);
                case KATAKANA -> require(KATAKANA_TEXT.matcher(text).matches() && text.length() <= 100,
                        label + "は全角カタカナ100文字以内で入力してください: " + text, label);
                case EMAIL -> require(EMAIL_TEXT.matcher(text).matches() && text.length() <= 200,
                        "メールアドレスの形式が正しくありません: " + text, label);
                case TELEPHONE -> require(TELEPHONE_TEXT.matcher(text).matches(),
                        label + "は数字とハイフンで入力してください（例: 042-000-0001）: " + text, label);
                case PAST_DATE -> {
                    return date(text, label);
                }
                case CONSENT_METHOD, CONSENTER -> {
                    require(codes.containsKey(text), label + "は「" + String.join("」か「", codes.keySet().stream()
                            .sorted().toList()) + "」で入力してください: " + text, label);
                    return codes.get(text);
                }
                default -> throw new IllegalStateException(name());
            }
            return text;
        }

        private static LocalDate date(String text, String label) {
            try {
                LocalDate date = LocalDate.parse(text);
                require(!date.isAfter(EngineClock.today()) && date.getYear() >= 1900,
                        label + "に未来や1900年より前の日付は指定できません: " + text, label);
                return date;
            } catch (DateTimeParseException e) {
                throw new UserError(label + "の日付の形式が正しくありません（例: 1940-04-01）: " + text,
                        "not a date (yyyy-MM-dd): " + text);
            }
        }

        private static void require(boolean ok, String japanese, String label) {
            if (!ok) {
                throw new UserError(japanese, "the new value of " + label + " does not fit its format");
            }
        }
    }
}
