package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codes' words now come from the enums that own the tables (issue 16): the same codes, words and order as the
 * pages and the filters' choices showed before (a filter lists its choices in this order).
 */
class LabelsTest {

    @Test
    void registerCodesKeepTheirWordsAndOrder() {
        assertWords(Labels.STAFF_STATUS, "ACTIVE", "有効", "PENDING", "登録中（アカウントなし）", "LOCKED",
                "ロック中（退職手続き中）", "SUSPENDED", "利用停止中", "BANNED", "利用禁止", "LEFT", "登録削除（退職・異動）",
                "CLOSED", "登録終了（アカウントなし）");
        assertWords(Labels.GROUP_STATUS, "REQUESTED", "作成中", "ACTIVE", "有効", "ARCHIVED", "アーカイブ",
                "CANCELLED", "取消");
        assertWords(Labels.GROUP_KIND, "PATIENT", "患者グループ", "FREE", "自由グループ");
        assertWords(Labels.MEMBER_ROLE, "COORDINATOR", "担当者", "MEMBER", "メンバー");
        assertWords(Labels.FACILITY_STATUS, "APPLIED", "申込中", "APPROVED", "承認済み（管理者の登録待ち）", "ACTIVE",
                "利用中", "REJECTED", "却下", "WITHDRAWING", "利用終了の手続き中", "WITHDRAWN", "利用終了");
        assertWords(Labels.FACILITY_CHANGE, "APPLIED", "申込の記録", "REVISED", "申込の修正", "RETURNED", "差し戻し",
                "APPROVED", "承認", "ACTIVE", "利用開始", "REJECTED", "却下", "CORRECTED", "訂正", "WITHDRAWING",
                "利用終了の開始", "WITHDRAWN", "利用終了", "REACTIVATED", "利用終了の取り下げ");
        assertWords(Labels.CORRECTION_STATUS, "REQUESTED", "承認待ち", "APPLIED", "反映済み", "REFUSED", "却下",
                "EXPIRED", "期限切れ");
        assertWords(Labels.SUSPENSION_STATUS, "SUSPENDED", "利用停止中", "LIFTED", "解除", "BANNED", "利用禁止");
        assertWords(Labels.ATTESTATION_STATUS, "OPEN", "回答待ち", "OVERDUE", "期限超過", "ATTESTED", "変更済み");
        assertWords(Labels.PLEDGE_STATUS, "SIGNED", "署名", "REFUSED", "拒否", "ON_RECORD", "記録あり", "MIGRATED",
                "移行時に記録あり", "ACKNOWLEDGED", "退職時の確認");
    }

    private static void assertWords(Map<String, String> labels, String... pairs) {
        assertThat(List.copyOf(labels.entrySet())).containsExactlyElementsOf(Labels.ordered(pairs).entrySet());
    }
}
