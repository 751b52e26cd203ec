package org.mcsgov.mcs;

/**
 * The changes in MCS this system governs, with what a person does in MCS's own screens to make them. A revocation
 * takes someone's access away (N1-3, N2-2, N3-7): it has the short deadline (mcs.deadline.revoke) and its time from
 * the decision to the confirmation is reported to the office.
 */
public enum McsAction {
    CREATE_PATIENT_GROUP("MCSで患者グループを作成してください。グループ名は「%s」、作成者（あなた）が最初のメンバーです。", false),
    CREATE_FREE_GROUP("MCSで自由グループ「%s」を作成してください。患者情報は投稿しないでください。", false),
    ARCHIVE_GROUP("MCSでグループ「%s」を保管庫へ移動してください（メンバーの閲覧を停止します）。", false),
    INVITE_MEMBER("MCSで招待してください: %s。承認済みの招待です。", false),
    REMOVE_MEMBER("MCSでメンバーを削除してください: %s。", true),
    RELEASE_STAFF("MCSで %s をスタッフ解除してください（事業所から外します。アカウントは本人のものとして残ります）。", true),
    CONFIRM_WITHDRAWAL("%s がMCSを退会したこと（本人が退会の手続きをします）をMCSで確かめてください。", true),
    SUSPEND_STAFF("MCSで %s の利用を停止してください（事業所のスタッフとしての利用を止め、ログインできないようにします）。", true),
    RESTORE_STAFF("MCSで %s の利用停止を解除してください（停止の解除が決まりました）。", false),
    TRANSFER_GROUP("MCSでグループの管理施設を変更してください: %s。", false);

    private final String instruction;
    private final boolean revocation;

    McsAction(String instruction, boolean revocation) {
        this.instruction = instruction;
        this.revocation = revocation;
    }

    public boolean revocation() {
        return revocation;
    }

    public String instruction(String subject) {
        return instruction.formatted(subject);
    }
}
