package org.mcsgov.invitation;

/** An invitation into a group and where it stands. */
public record Invitation(long id, long groupId, Long inviteeStaffId, String inviteeEmail, String reason, String state,
                         String invitedBy, String approvedBy, String acceptedBy, String closeReason,
                         String processInstanceId) {

    /** The states of the issue, in the register's words. */
    public enum State {
        WAITING_ADMIN, WAITING_INVITEE, WAITING_PATIENT, WAITING_REGISTRATION, RETURNED,
        MEMBER, REJECTED, DECLINED, EXPIRED, CANCELLED
    }

    public boolean isOpen() {
        return switch (State.valueOf(state)) {
            case MEMBER, REJECTED, DECLINED, EXPIRED, CANCELLED -> false;
            default -> true;
        };
    }
}
