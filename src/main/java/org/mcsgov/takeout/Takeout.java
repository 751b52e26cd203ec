package org.mcsgov.takeout;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A written take-out request (A12-9): what information, on which device, why, where to, from when to when. */
public record Takeout(long id, String facilityId, long applicantStaffId, String applicantUserId, long deviceId,
                      String content, String purpose, String destination, LocalDate fromDate, LocalDate toDate,
                      String state, String approvedBy, String closeReason, String returnCondition, String confirmedBy,
                      OffsetDateTime requestedAt, OffsetDateTime closedAt, String processInstanceId) {

    public enum State {
        REQUESTED("承認待ち"), RETURNED_FOR_CORRECTION("差し戻し"), APPROVED("承認（持ち出し中）"), REJECTED("却下"),
        EXPIRED("期限切れ"), WITHDRAWN("取り下げ"), OVERDUE("返却遅れ"), BACK("返却済み"), LOST("紛失");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The one Japanese word for the state, on every page, list and CSV. */
        public String label() {
            return label;
        }
    }
}
