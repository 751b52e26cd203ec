package org.mcsgov.facility;

import java.util.List;
import java.util.Optional;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.FacilityRegister.Status;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of facility-withdrawal (利用終了, A7, A8-5, N1-2): one row per withdrawal, and what still keeps a
 * facility from leaving (its live staff, its active groups, devices on loan). The facility's state moves only from
 * the state the procedure expects, so two withdrawals of one facility cannot both begin.
 */
@Service
public class FacilityWithdrawals {

    /** Staff entries that still hold or may still get an account (a LEFT or CLOSED entry is history). */
    private static final String LIVE_STAFF = """
            SELECT name || '（' || user_id || '）' FROM staff
            WHERE facility_id = ? AND status IN ('PENDING', 'ACTIVE', 'LOCKED', 'SUSPENDED') ORDER BY kana, id""";

    private final JdbcClient jdbc;
    private final FacilityRegister facilities;

    public FacilityWithdrawals(JdbcClient jdbc, FacilityRegister facilities) {
        this.jdbc = jdbc;
        this.facilities = facilities;
    }

    /** The facility leaves the active ones at once (N1-2: its staff are not invited any more); the row is opened. */
    @Transactional
    public long begin(String facilityId, String reason, String by, String processInstanceId) {
        if (!facilities.move(facilityId, Status.ACTIVE, Status.WITHDRAWING, "WITHDRAWING", by, reason,
                processInstanceId)) {
            throw new UserError("利用中の事業所ではありません（利用終了の手続き中を含む）: " + facilityId,
                    "not an active facility (or its withdrawal runs already): " + facilityId);
        }
        return Rows.insert(jdbc, """
                INSERT INTO facility_withdrawal (facility_id, reason, requested_by, requested_at, status,
                    process_instance_id) VALUES (?, ?, ?, ?, 'OPEN', ?)""",
                facilityId, reason, by, Rows.now(), processInstanceId);
    }

    /** The facility of an open withdrawal (staff-offboarding called by it checks its leaver against this). */
    public Optional<String> openFacility(long withdrawalId) {
        return jdbc.sql("SELECT facility_id FROM facility_withdrawal WHERE id = ? AND status = 'OPEN'")
                .param(withdrawalId).query(String.class).optional();
    }

    /** Withdrawn (A8-5): the facility row, its versions and every entry of its staff stay as history. */
    @Transactional
    public void withdraw(long withdrawalId, String facilityId, String by, String comment, String processInstanceId) {
        facilities.move(facilityId, Status.WITHDRAWING, Status.WITHDRAWN, "WITHDRAWN", by, comment, processInstanceId);
        close(withdrawalId, "WITHDRAWN", by, comment);
    }

    /** Cancelled before anyone was offboarded: the facility takes part again as before. */
    @Transactional
    public void cancel(long withdrawalId, String facilityId, String by, String reason, String processInstanceId) {
        facilities.move(facilityId, Status.WITHDRAWING, Status.ACTIVE, "REACTIVATED", by, reason, processInstanceId);
        close(withdrawalId, "CANCELLED", by, reason);
    }

    /** The groups were not handed over within the period: recorded, so that the office's notice is evidence. */
    public void escalated(long withdrawalId) {
        jdbc.sql("UPDATE facility_withdrawal SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
                .params(Rows.now(), withdrawalId).update();
    }

    /** Who of the facility still has (or may get) an account, as 「氏名（ユーザーID）」. */
    public List<String> liveStaff(String facilityId) {
        return jdbc.sql(LIVE_STAFF).param(facilityId).query(String.class).list();
    }

    /** The user ids the withdrawal offboards: every active person of the facility. */
    public List<String> activeUserIds(String facilityId) {
        return jdbc.sql("SELECT user_id FROM staff WHERE facility_id = ? AND status = 'ACTIVE' ORDER BY id")
                .param(facilityId).query(String.class).list();
    }

    /** Devices of the facility still lent or taken out (A8-2): each must come back through device-return first. */
    public List<String> devicesOut(String facilityId) {
        return jdbc.sql("""
                SELECT asset_number FROM device WHERE facility_id = ? AND state IN ('ON_LOAN', 'TAKEN_OUT')
                ORDER BY asset_number""").param(facilityId).query(String.class).list();
    }

    private void close(long withdrawalId, String status, String by, String comment) {
        int updated = jdbc.sql("""
                UPDATE facility_withdrawal SET status = ?, closed_by = ?, closed_at = ?, close_comment = ?
                WHERE id = ? AND status = 'OPEN'""").params(status, by, Rows.now(), comment, withdrawalId).update();
        if (updated == 0) {
            throw new IllegalStateException("facility withdrawal " + withdrawalId + " is not open");
        }
    }
}
