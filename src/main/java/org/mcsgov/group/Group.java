package org.mcsgov.group;

/** A patient group (one per patient, N1-1) or a free group; facilityId is the originating facility (A4, A5-1). */
public record Group(long id, String kind, String facilityId, Long patientId, String name, String purpose,
                    String status, long coordinatorStaffId, boolean patientTakesPart) {

    /** patient_group.status: being created, in use, archived (保管庫), or never created. */
    public enum Status {
        REQUESTED("作成中"), ACTIVE("有効"), ARCHIVED("アーカイブ"), CANCELLED("取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** patient_group.kind: one group per patient (N1-1) or a free group (A5-1). */
    public enum Kind {
        PATIENT("患者グループ"), FREE("自由グループ");

        private final String label;

        Kind(String label) {
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
