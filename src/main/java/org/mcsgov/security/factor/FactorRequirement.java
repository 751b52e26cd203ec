package org.mcsgov.security.factor;

import java.time.OffsetDateTime;
import java.util.List;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "The second factor is mandatory" as MCS offers it (A11-3): per facility, set by its manager or MCS administrator,
 * and for everyone by the association office. A setting with history: every change is a new row (who, when, why),
 * the newest row is in force. Whoever must use the factor and has none is led to the enrolment at the next login.
 */
@Service
public class FactorRequirement {

    /** One change of the setting; facilityId null is the office's setting for everyone. */
    public record Change(long id, String facilityId, boolean required, String reason, String setBy,
                         OffsetDateTime setAt) {
    }

    private final JdbcClient jdbc;

    public FactorRequirement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the person must use a second factor: everyone's setting, or their facility's. */
    public boolean requiredFor(String userId) {
        if (current(null)) {
            return true;
        }
        // the newest entry: a mover has one per facility (staff-transfer)
        return jdbc.sql("SELECT facility_id FROM staff WHERE user_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(userId).query(String.class)
                .optional().map(this::current).orElse(false);
    }

    public boolean current(String facilityId) {
        return history(facilityId).stream().findFirst().map(Change::required).orElse(false);
    }

    /** Newest first. */
    public List<Change> history(String facilityId) {
        return jdbc.sql("""
                SELECT id, facility_id, required, reason, set_by, set_at FROM second_factor_requirement
                WHERE facility_id IS NOT DISTINCT FROM ? ORDER BY set_at DESC, id DESC""")
                .param(facilityId).query(RecordMapper.of(Change.class)).list();
    }

    /** Records a change; the caller has checked the role (FactorSettingController). */
    public void set(String facilityId, boolean required, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("変更の理由を入力してください", "a reason is required");
        }
        if (reason.length() > UserError.MAX_REASON) {
            throw UserError.tooLong("理由", "the reason");
        }
        jdbc.sql("""
                INSERT INTO second_factor_requirement (facility_id, required, reason, set_by, set_at)
                VALUES (?, ?, ?, ?, ?)""").params(facilityId, required, reason.strip(), by, Rows.now()).update();
    }
}
