package org.mcsgov.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.mcsgov.correction.CorrectionField;
import org.mcsgov.correction.CorrectionKind;
import org.mcsgov.device.Device;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.invitation.Invitation;
import org.mcsgov.takeout.Takeout;

/** The Japanese words for the register's codes, for the pages, the CSV and the filters' choices. */
public final class Labels {

    public static final Map<String, String> STAFF_STATUS = ordered("ACTIVE", "有効", "PENDING", "登録中（アカウントなし）",
            "LOCKED", "ロック中（退職手続き中）", "SUSPENDED", "利用停止中", "BANNED", "利用禁止", "LEFT", "登録削除（退職・異動）",
            "CLOSED", "登録終了（アカウントなし）");
    public static final Map<String, String> GROUP_STATUS = ordered("REQUESTED", "作成中", "ACTIVE", "有効",
            "ARCHIVED", "アーカイブ", "CANCELLED", "取消");
    public static final Map<String, String> GROUP_KIND = ordered("PATIENT", "患者グループ", "FREE", "自由グループ");
    public static final Map<String, String> MEMBER_ROLE = ordered("COORDINATOR", "担当者", "MEMBER", "メンバー");
    public static final Map<String, String> FACILITY_KIND = labelled(FacilityKind.values(), FacilityKind::label);
    public static final Map<String, String> ROLE = labelled(Role.values(), Role::label);
    /** facility.status (facility-enrollment, N1-2). */
    public static final Map<String, String> FACILITY_STATUS = ordered("APPLIED", "申込中", "APPROVED",
            "承認済み（管理者の登録待ち）", "ACTIVE", "利用中", "REJECTED", "却下", "WITHDRAWING", "利用終了の手続き中", "WITHDRAWN", "利用終了");
    /** facility_version.change_kind: what each version of a facility row records. */
    public static final Map<String, String> FACILITY_CHANGE = ordered("APPLIED", "申込の記録", "REVISED", "申込の修正",
            "RETURNED", "差し戻し", "APPROVED", "承認", "ACTIVE", "利用開始", "REJECTED", "却下", "CORRECTED", "訂正",
            "WITHDRAWING", "利用終了の開始", "WITHDRAWN", "利用終了", "REACTIVATED", "利用終了の取り下げ");
    /** correction: what was corrected and how it ended (register-correction, 訂正履歴). */
    public static final Map<String, String> CORRECTION_KIND = labelled(CorrectionKind.values(), CorrectionKind::label);
    public static final Map<String, String> CORRECTION_FIELD = labelled(CorrectionField.values(), CorrectionField::label);
    public static final Map<String, String> CORRECTION_STATUS = ordered("REQUESTED", "承認待ち", "APPLIED", "反映済み",
            "REFUSED", "却下", "EXPIRED", "期限切れ");
    /** invitation.state (group-invitation): where an invitation stands, in the register's words. */
    public static final Map<String, String> INVITATION_STATE = labelled(Invitation.State.values(),
            Invitation.State::label);
    /** device.state (A8-2, A12-10). */
    public static final Map<String, String> DEVICE_STATE = labelled(Device.State.values(), Device.State::label);
    /** takeout.state (device-takeout, A12-9). */
    public static final Map<String, String> TAKEOUT_STATE = labelled(Takeout.State.values(), Takeout.State::label);
    /** staff_suspension.status (user-suspension, N2-2). */
    public static final Map<String, String> SUSPENSION_STATUS = ordered("SUSPENDED", "利用停止中", "LIFTED", "解除",
            "BANNED", "利用禁止");
    /** password_attestation.status (password-attestation, A11-1). */
    public static final Map<String, String> ATTESTATION_STATUS = ordered("OPEN", "回答待ち", "OVERDUE", "期限超過",
            "ATTESTED", "変更済み");
    /** pledge.status (A9-1): signed in the system, refused, on record (confirmed, or a paper pledge), acknowledged. */
    public static final Map<String, String> PLEDGE_STATUS = ordered("SIGNED", "署名", "REFUSED", "拒否",
            "ON_RECORD", "記録あり", "MIGRATED", "移行時に記録あり", "ACKNOWLEDGED", "退職時の確認");
    public static final Map<String, String> YES_NO = ordered("true", "はい", "false", "いいえ");

    private Labels() {
    }

    /** The label of a code, or the code itself when it has none (a value newer than this page). */
    public static String of(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }

    /** Code → label of an enum that carries its own label, in the enum's order: one word for a state everywhere. */
    public static <E extends Enum<E>> Map<String, String> labelled(E[] values, Function<E, String> label) {
        Map<String, String> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(value.name(), label.apply(value));
        }
        return map;
    }

    /** Code → label pairs in the order given (the order of a filter's choices). */
    public static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
