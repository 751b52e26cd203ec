package org.mcsgov.group;

import java.time.OffsetDateTime;

/** One membership of a person in a group, with who opened it, who approved it and how it ended. */
public record Member(long membershipId, long groupId, long staffId, String userId, String name, String facilityId,
                     String facilityName, String profession, String role, OffsetDateTime validFrom,
                     OffsetDateTime validTo, String invitedBy, String approvedBy, String openedProcessInstanceId,
                     String closedBy, String closeReason, String closedProcessInstanceId) {
}
