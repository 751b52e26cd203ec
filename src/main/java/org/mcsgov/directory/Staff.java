package org.mcsgov.directory;

/** A registered person. userId is their one Camunda account (A11-2). */
public record Staff(long id, String facilityId, String userId, String name, String kana, String profession,
                    String email, String status) {

    /** staff.status: where a person's registration stands (A8-5, N2-2). */
    public enum Status {
        ACTIVE("有効"), PENDING("登録中（アカウントなし）"), LOCKED("ロック中（退職手続き中）"), SUSPENDED("利用停止中"),
        BANNED("利用禁止"), LEFT("登録削除（退職・異動）"), CLOSED("登録終了（アカウントなし）");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isActive() {
        return Status.ACTIVE.name().equals(status);
    }
}
