package org.mcsgov.group;

/** A patient group (one per patient, N1-1) or a free group; facilityId is the originating facility (A4, A5-1). */
public record Group(long id, String kind, String facilityId, Long patientId, String name, String purpose,
                    String status, long coordinatorStaffId, boolean patientTakesPart) {

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
