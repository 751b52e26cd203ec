package org.mcsgov.invitation;

/** An invitation into a group and where it stands. */
public record Invitation(long id, long groupId, Long inviteeStaffId, String inviteeEmail, String reason, String state,
                         String invitedBy, String approvedBy, String acceptedBy, String closeReason,
                         String processInstanceId) {

    /** The states of the issue, in the register's words. */
    public enum State {
        WAITING_ADMIN("MCS管理者の承認待ち"), WAITING_INVITEE("招待された人の参加待ち"), WAITING_PATIENT("患者の了承待ち"),
        WAITING_REGISTRATION("招待された人の登録待ち"), RETURNED("差し戻し"), MEMBER("参加済み"), REJECTED("却下"),
        DECLINED("辞退"), EXPIRED("期限切れ"), CANCELLED("取り下げ");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The one Japanese word for the state, on every page, list and CSV. */
        public String label() {
            return label;
        }
    }

    public boolean isOpen() {
        return switch (State.valueOf(state)) {
            case MEMBER, REJECTED, DECLINED, EXPIRED, CANCELLED -> false;
            default -> true;
        };
    }
}
