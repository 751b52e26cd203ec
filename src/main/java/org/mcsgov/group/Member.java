package org.mcsgov.group;

import java.time.OffsetDateTime;

/** One membership of a person in a group, with who opened it, who approved it and how it ended. */
public record Member(long membershipId, long groupId, long staffId, String userId, String name, String facilityId,
                     String facilityName, String profession, String role, OffsetDateTime validFrom,
                     OffsetDateTime validTo, String invitedBy, String approvedBy, String openedProcessInstanceId,
                     String closedBy, String closeReason, String closedProcessInstanceId) {

    /** membership.role: the group's coordinator (担当者) or a member. */
    public enum Role {
        COORDINATOR("担当者"), MEMBER("メンバー");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
