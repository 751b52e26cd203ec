package org.mcsgov.securityincident;

import java.time.OffsetDateTime;

/** A report of a system anomaly, a lost or stolen device, or suspected unauthorised access (N3-10, N3-11). */
public record Incident(long id, String facilityId, String kind, String description, String occurredAt, Long deviceId,
                       Long affectedStaffId, Long takeoutId, String reportedBy, OffsetDateTime reportedAt, String state,
                       String severity, String instructions, String triagedBy, OffsetDateTime triagedAt,
                       OffsetDateTime escalatedAt, OffsetDateTime acknowledgedAt, String summary, String closedBy,
                       OffsetDateTime closedAt, String processInstanceId) {

    public enum Kind { ANOMALY, LOST_DEVICE, UNAUTHORISED_ACCESS }

    /** What was done, append-only. */
    public record Action(String action, String detail, String actedBy, OffsetDateTime actedAt, String processInstanceId) {
    }

    /** Who was informed: "office" or a facility id, with the patient groups of theirs that are concerned. */
    public record Notice(String recipient, String groupsConcerned, String informedBy, OffsetDateTime informedAt) {
    }
}
