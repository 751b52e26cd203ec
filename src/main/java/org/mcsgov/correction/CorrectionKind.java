package org.mcsgov.correction;

import org.mcsgov.directory.Role;

/**
 * What can be corrected, who is responsible for it and whether the facility manager approves (訂正). A consent record
 * is evidence (A6): its correction needs the manager's approval. A retired device and an archived group are final.
 */
public enum CorrectionKind {
    STAFF("staff", "職員", Role.MCS_ADMIN, false,
            "SELECT id, name || '（' || user_id || '）' FROM staff WHERE facility_id = ?"
                    + " AND status IN ('PENDING', 'ACTIVE', 'LOCKED', 'SUSPENDED') ORDER BY kana, id",
            "SELECT facility_id FROM staff WHERE id = ?"),
    PATIENT("patient", "患者", Role.COORDINATOR, false,
            "SELECT id, name FROM patient WHERE facility_id = ? ORDER BY kana, id",
            "SELECT facility_id FROM patient WHERE id = ?"),
    CONSENT("consent", "同意の記録", Role.COORDINATOR, true,
            "SELECT c.id, p.name || ' の同意（記録番号 ' || CAST(c.id AS VARCHAR(20)) || '）' FROM consent c"
                    + " JOIN patient p ON p.id = c.patient_id WHERE p.facility_id = ? AND c.status IN ('GRANTED', 'WITHDRAWN')"
                    + " ORDER BY p.kana, c.id",
            "SELECT p.facility_id FROM consent c JOIN patient p ON p.id = c.patient_id WHERE c.id = ?"),
    DEVICE("device", "端末", Role.MCS_ADMIN, false,
            "SELECT id, asset_number FROM device WHERE facility_id = ? AND state <> 'RETIRED' ORDER BY asset_number",
            "SELECT facility_id FROM device WHERE id = ?"),
    FREE_GROUP("patient_group", "自由グループ", Role.COORDINATOR, false,
            "SELECT id, name FROM patient_group WHERE facility_id = ? AND kind = 'FREE' AND status = 'ACTIVE'"
                    + " ORDER BY name, id",
            "SELECT facility_id FROM patient_group WHERE id = ? AND kind = 'FREE'"),
    FACILITY("facility", "事業所", Role.OFFICE, false,
            "SELECT id, name FROM facility WHERE kind <> 'ASSOCIATION' AND status <> 'REJECTED' ORDER BY id",
            "SELECT id FROM facility WHERE id = ?");

    private final String table;
    private final String label;
    private final Role responsible;
    private final boolean managerApproves;
    private final String recordsOfFacility;
    private final String facilityOfRecord;

    CorrectionKind(String table, String label, Role responsible, boolean managerApproves, String recordsOfFacility,
                   String facilityOfRecord) {
        this.table = table;
        this.label = label;
        this.responsible = responsible;
        this.managerApproves = managerApproves;
        this.recordsOfFacility = recordsOfFacility;
        this.facilityOfRecord = facilityOfRecord;
    }

    public String table() {
        return table;
    }

    public String label() {
        return label;
    }

    /**
     * The role that corrects this kind in the entry's facility: the MCS administrator its staff (A8-5) and devices
     * (A8-2), the coordinator its patients, consents (A4, A6) and free groups (A5-1); the office the facilities.
     */
    public Role responsible() {
        return responsible;
    }

    public boolean managerApproves() {
        return managerApproves;
    }

    /** The association office corrects the facilities' data (A7); every other kind belongs to one facility. */
    public boolean associationWide() {
        return this == FACILITY;
    }

    /** An entry's key as its table's id column takes it (a facility's id is text, every other a number). */
    Object key(String key) {
        return associationWide() ? key : Long.valueOf(key);
    }

    /** id, label of the entries of this kind that may be corrected (of one facility unless association-wide). */
    String recordsOfFacility() {
        return recordsOfFacility;
    }

    String facilityOfRecord() {
        return facilityOfRecord;
    }
}
