package org.mcsgov.correction;

import static org.mcsgov.platform.Rows.now;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The correction register (訂正履歴, V14): a row per correction with the old and the new value; the corrected entry
 * gets the new value only when the correction is applied. Called by the steps of register-correction only.
 */
@Component
public class Corrections {

    /** A correction as asked: which entry, which field, from what to what, why. */
    public record Request(CorrectionField field, String recordKey, String recordLabel, String facilityId, String oldValue,
                          String newValue, String reason) {
    }

    /** An entry that may be corrected: its key (a number, or a facility's id) and how people know it. */
    public record Entry(String key, String label) {
    }

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final FacilityRegister facilities;

    public Corrections(JdbcClient jdbc, IdentityService identityService, FacilityRegister facilities) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.facilities = facilities;
    }

    public List<Entry> entries(CorrectionKind kind, String facilityId) {
        var sql = jdbc.sql(kind.recordsOfFacility());
        return (kind.associationWide() ? sql : sql.param(facilityId))
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2))).list();
    }

    public String facilityOf(CorrectionKind kind, String key) {
        return jdbc.sql(kind.facilityOfRecord()).param(kind.key(key)).query(String.class).optional()
                .orElseThrow(() -> new UserError("訂正する登録が見つかりません: " + key, "no such entry: " + key));
    }

    /** The value as people read it now. */
    public String current(CorrectionField field, String key) {
        return currentValues(field.kind(), List.of(key)).getOrDefault(key, Map.of()).getOrDefault(field, "");
    }

    /** Every correctable field's current value of these entries, in one query. */
    public Map<String, Map<CorrectionField, String>> currentValues(CorrectionKind kind, List<String> keys) {
        List<CorrectionField> fields = Arrays.stream(CorrectionField.values()).filter(f -> f.kind() == kind).toList();
        Map<String, Map<CorrectionField, String>> values = new HashMap<>();
        if (keys.isEmpty()) {
            return values;
        }
        jdbc.sql("SELECT id, " + fields.stream().map(CorrectionField::column).collect(Collectors.joining(", "))
                        + " FROM " + kind.table() + " WHERE id IN (:ids)").param("ids", keys.stream().map(kind::key).toList())
                .query(rs -> {
                    Map<CorrectionField, String> row = new EnumMap<>(CorrectionField.class);
                    for (int i = 0; i < fields.size(); i++) {
                        row.put(fields.get(i), fields.get(i).display(rs.getObject(i + 2)));
                    }
                    values.put(rs.getString(1), row);
                });
        return values;
    }

    public long request(Request r, String by, String processInstanceId) {
        return Rows.insert(jdbc, """
                INSERT INTO correction (facility_id, kind, record_key, record_label, field, old_value, new_value, reason,
                    status, requested_by, requested_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)""", r.facilityId(), r.field().kind().name(),
                r.recordKey(), r.recordLabel(), r.field().name(), r.oldValue(), r.newValue(), r.reason(), by, now(),
                processInstanceId);
    }

    /**
     * The entry gets the new value; a staff member's login shows it too, a facility keeps the corrected state as a
     * version. A clash with another entry is refused.
     */
    public void apply(long correctionId, String decidedBy, String comment) {
        var row = jdbc.sql("""
                SELECT field, record_key, new_value, reason, process_instance_id FROM correction
                WHERE id = ? AND status = 'REQUESTED'""").param(correctionId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).single();
        CorrectionField field = CorrectionField.valueOf(row.get(0));
        String key = row.get(1);
        try {
            jdbc.sql("UPDATE " + field.kind().table() + " SET " + field.column() + " = ? WHERE id = ?")
                    .params(field.parse(row.get(2)), field.kind().key(key)).update();
            if (field == CorrectionField.STAFF_EMAIL || field == CorrectionField.STAFF_NAME) {
                syncLogin(Long.parseLong(key));
            }
        } catch (DuplicateKeyException e) {
            throw new UserError("訂正すると他の登録と重複します（同じメールアドレスの職員、同じふりがなと生年月日の患者、または同じ資産番号の端末）",
                    "the corrected entry would duplicate another one");
        }
        if (field.kind() == CorrectionKind.FACILITY) {
            facilities.version(key, "CORRECTED", decidedBy, row.get(3), row.get(4));
        }
        close(correctionId, CorrectionStatus.APPLIED, decidedBy, comment);
    }

    public void close(long correctionId, CorrectionStatus status, String decidedBy, String comment) {
        jdbc.sql("""
                UPDATE correction SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                WHERE id = ? AND status = 'REQUESTED'""")
                .params(status.name(), decidedBy, now(), comment, correctionId).update();
    }

    private void syncLogin(long staffId) {
        jdbc.sql("UPDATE staff SET live_email = LOWER(email) WHERE id = ? AND live_email IS NOT NULL")
                .param(staffId).update();
        var staff = jdbc.sql("SELECT user_id, name, email FROM staff WHERE id = ?").param(staffId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        AsSystem.call(identityService, () -> {
            var user = identityService.createUserQuery().userId(staff[0]).singleResult();
            if (user != null) {
                user.setFirstName(staff[1]);
                user.setEmail(staff[2]);
                identityService.saveUser(user);
            }
            return null;
        });
    }
}
