package org.mcsgov.takeout;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A written take-out request (A12-9): what information, on which device, why, where to, from when to when. */
public record Takeout(long id, String facilityId, long applicantStaffId, String applicantUserId, long deviceId,
                      String content, String purpose, String destination, LocalDate fromDate, LocalDate toDate,
                      String state, String approvedBy, String closeReason, String returnCondition, String confirmedBy,
                      OffsetDateTime requestedAt, OffsetDateTime closedAt, String processInstanceId) {

    public enum State { REQUESTED, RETURNED_FOR_CORRECTION, APPROVED, REJECTED, EXPIRED, WITHDRAWN, OVERDUE, BACK, LOST }
}
