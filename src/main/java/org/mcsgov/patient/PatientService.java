package org.mcsgov.patient;

import static org.mcsgov.platform.Rows.now;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Patients and their consents (A4, A6). A patient has at most one active (GRANTED) consent. */
@Service
public class PatientService {

    private static final String SELECT = "SELECT id, facility_id, name, kana, birth_date FROM patient";

    private final JdbcClient jdbc;

    public PatientService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patient as the originating facility knows them (same kana and birth date), registered if new. */
    public Patient registerOrFind(String facilityId, String name, String kana, LocalDate birthDate,
                                  String processInstanceId) {
        Optional<Patient> existing = jdbc.sql(SELECT + " WHERE facility_id = ? AND kana = ? AND birth_date = ?")
                .params(facilityId, kana, birthDate).query(RecordMapper.of(Patient.class)).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = Rows.insert(jdbc, """
                INSERT INTO patient (facility_id, name, kana, birth_date, created_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?)""", facilityId, name, kana, birthDate, now(), processInstanceId);
        return patient(id).orElseThrow();
    }

    /** The consent's method of a migration (初期移行): the signed consent was on record at the facility then (A6). */
    public static final String MIGRATED = "MIGRATED";

    /** The facility's patient with this kana and birth date (the patient's natural key), if registered. */
    public Optional<Patient> patient(String facilityId, String kana, LocalDate birthDate) {
        return jdbc.sql(SELECT + " WHERE facility_id = ? AND kana = ? AND birth_date = ?")
                .params(facilityId, kana, birthDate).query(RecordMapper.of(Patient.class)).optional();
    }

    /**
     * 初期移行: a patient with their consent on record at migration (GRANTED, method MIGRATED, recorded by the office
     * member who imports, for the originating facility). Empty when the patient is in the register already: nothing
     * is written, their consents stay as they are.
     */
    public Optional<Patient> migrate(String facilityId, String name, String kana, LocalDate birthDate, Consent consent,
                                     String recordedBy, String processInstanceId) {
        if (patient(facilityId, kana, birthDate).isPresent()) {
            return Optional.empty();
        }
        long id = Rows.insert(jdbc, """
                INSERT INTO patient (facility_id, name, kana, birth_date, created_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?)""", facilityId, name, kana, birthDate, now(), processInstanceId);
        jdbc.sql("""
                INSERT INTO consent (patient_id, status, explanation, consenter_type, consenter_name,
                    consenter_relation, method, consent_date, document_ref, recorded_by, recorded_at, process_instance_id,
                    facility_id)
                VALUES (?, 'GRANTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, consent.explanation(), consent.consenterType(), consent.consenterName(),
                        consent.consenterRelation(), MIGRATED, consent.consentDate(), consent.documentRef(), recordedBy,
                        now(), processInstanceId, facilityId)
                .update();
        return patient(id);
    }

    public Optional<Patient> patient(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(RecordMapper.of(Patient.class)).optional();
    }

    public boolean hasActiveConsent(long patientId) {
        return jdbc.sql("SELECT COUNT(*) FROM consent WHERE patient_id = ? AND status = 'GRANTED'")
                .param(patientId).query(Long.class).single() > 0;
    }

    /** Patients of the facility whose consent is active, for the forms' patient choices. */
    public List<Patient> consentedPatients(String facilityId) {
        return jdbc.sql(SELECT + " p WHERE facility_id = ? AND EXISTS (SELECT 1 FROM consent c "
                        + "WHERE c.patient_id = p.id AND c.status = 'GRANTED') ORDER BY kana")
                .param(facilityId).query(RecordMapper.of(Patient.class)).list();
    }

    public void recordConsent(long patientId, Consent c, String recordedBy, String processInstanceId) {
        requireNoActiveConsent(patientId);
        jdbc.sql("""
                INSERT INTO consent (patient_id, status, explanation, consenter_type, consenter_name,
                    consenter_relation, method, consent_date, document_ref, recorded_by, recorded_at, process_instance_id)
                VALUES (?, 'GRANTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(patientId, c.explanation(), c.consenterType(), c.consenterName(), c.consenterRelation(),
                        c.method(), c.consentDate(), c.documentRef(), recordedBy, now(), processInstanceId)
                .update();
    }

    public void recordRefusal(long patientId, String explanation, String reason, String recordedBy,
                              String processInstanceId) {
        jdbc.sql("""
                INSERT INTO consent (patient_id, status, explanation, refusal_reason, recorded_by, recorded_at,
                    process_instance_id)
                VALUES (?, 'REFUSED', ?, ?, ?, ?, ?)""")
                .params(patientId, explanation, reason, recordedBy, now(), processInstanceId).update();
    }

    public void withdraw(long patientId, Withdrawal w, String recordedBy, String processInstanceId) {
        int updated = jdbc.sql("""
                UPDATE consent SET status = 'WITHDRAWN', withdrawn_by_type = ?, withdrawn_by_name = ?,
                    withdrawal_date = ?, withdrawal_reason = ?, withdrawal_recorded_by = ?,
                    withdrawal_process_instance_id = ?
                WHERE patient_id = ? AND status = 'GRANTED'""")
                .params(w.withdrawnByType(), w.withdrawnByName(), w.date(), w.reason(), recordedBy,
                        processInstanceId, patientId)
                .update();
        if (updated == 0) {
            throw new UserError("この患者には撤回できる有効な同意がありません",
                    "the patient has no active consent to withdraw");
        }
    }

    public void requireNoActiveConsent(long patientId) {
        if (hasActiveConsent(patientId)) {
            throw new UserError("この患者には既に有効な同意が記録されています",
                    "the patient already has an active consent");
        }
    }
}
