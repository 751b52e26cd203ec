package org.mcsgov.migration;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Known from the register's tables. */
@Component
class RegisterKnown implements Known {

    private final JdbcClient jdbc;

    RegisterKnown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean facility(String facilityId) {
        return count("SELECT COUNT(*) FROM facility WHERE id = ?", facilityId);
    }

    @Override
    public boolean user(String userId) {
        return count("SELECT COUNT(*) FROM staff WHERE user_id = ?", userId);
    }

    @Override
    public boolean liveEmail(String email) {
        return count("SELECT COUNT(*) FROM staff WHERE live_email = ?", email.toLowerCase());
    }

    @Override
    public boolean patient(String facilityId, String kana, LocalDate birthDate) {
        return count("SELECT COUNT(*) FROM patient WHERE facility_id = ? AND kana = ? AND birth_date = ?",
                facilityId, kana, birthDate);
    }

    @Override
    public boolean patientHasLiveGroup(String facilityId, String kana, LocalDate birthDate) {
        return count("""
                SELECT COUNT(*) FROM patient_group g JOIN patient p ON p.id = g.live_patient_id
                WHERE p.facility_id = ? AND p.kana = ? AND p.birth_date = ?""", facilityId, kana, birthDate);
    }

    @Override
    public boolean group(String facilityId, String name) {
        return count("SELECT COUNT(*) FROM patient_group WHERE facility_id = ? AND name = ? AND status IN ('REQUESTED', 'ACTIVE')",
                facilityId, name);
    }

    @Override
    public boolean member(String facilityId, String groupName, String userId) {
        return count("""
                SELECT COUNT(*) FROM membership m JOIN patient_group g ON g.id = m.group_id JOIN staff s ON s.id = m.staff_id
                WHERE g.facility_id = ? AND g.name = ? AND g.status IN ('REQUESTED', 'ACTIVE') AND s.user_id = ?
                    AND m.valid_to IS NULL""", facilityId, groupName, userId);
    }

    @Override
    public boolean device(String facilityId, String assetNumber) {
        return count("SELECT COUNT(*) FROM device WHERE facility_id = ? AND asset_number = ?", facilityId, assetNumber);
    }

    private boolean count(String sql, Object... values) {
        return jdbc.sql(sql).params(values).query(Long.class).single() > 0;
    }
}
