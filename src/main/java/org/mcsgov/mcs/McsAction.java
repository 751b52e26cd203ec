package org.mcsgov.mcs;

/** The changes in MCS this system governs, with what a person does in MCS's own screens to make them. */
public enum McsAction {
    CREATE_PATIENT_GROUP("MCSで患者グループを作成してください。グループ名は「%s」、作成者（あなた）が最初のメンバーです。"),
    CREATE_FREE_GROUP("MCSで自由グループ「%s」を作成してください。患者情報は投稿しないでください。"),
    ARCHIVE_GROUP("MCSでグループ「%s」を保管庫へ移動してください（メンバーの閲覧を停止します）。"),
    INVITE_MEMBER("MCSで招待してください: %s。承認済みの招待です。"),
    REMOVE_MEMBER("MCSでメンバーを削除してください: %s。"),
    RELEASE_STAFF("MCSで %s をスタッフ解除してください（事業所から外します。アカウントは本人のものとして残ります）。"),
    CONFIRM_WITHDRAWAL("%s がMCSを退会したこと（本人が退会の手続きをします）をMCSで確かめてください。");

    private final String instruction;

    McsAction(String instruction) {
        this.instruction = instruction;
    }

    public String instruction(String subject) {
        return instruction.formatted(subject);
    }
}
