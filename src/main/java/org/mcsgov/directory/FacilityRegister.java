package org.mcsgov.directory;

import static org.mcsgov.platform.Rows.now;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facilities as the association office enrolls them (A7, A8-5, N1-2): the current row and, for each change, a version
 * row with who, when, why and in which process. A facility takes part only once ACTIVE: approved, with an active
 * manager and at least one active MCS administrator.
 */
@Service
public class FacilityRegister {

    /** WITHDRAWING: facility-withdrawal runs (its staff are not invited, N1-2); WITHDRAWN: it has left (利用終了). */
    public enum Status {
        APPLIED("申込中"), APPROVED("承認済み（管理者の登録待ち）"), ACTIVE("利用中"), REJECTED("却下"),
        WITHDRAWING("利用終了の手続き中"), WITHDRAWN("利用終了");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** facility_version.change_kind: what each version of a facility row records. */
    public enum Change {
        APPLIED("申込の記録"), REVISED("申込の修正"), RETURNED("差し戻し"), APPROVED("承認"), ACTIVE("利用開始"),
        REJECTED("却下"), CORRECTED("訂正"), WITHDRAWING("利用終了の開始"), WITHDRAWN("利用終了"),
        REACTIVATED("利用終了の取り下げ");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a facility's application (利用申込書) says. */
    public record Application(String id, String name, FacilityKind kind, String address, String telephone,
                              boolean usesMcs, LocalDate agreementDate) {
    }

    /** One state the facility row had. */
    public record Version(String changeKind, String name, String kind, String address, String telephone,
                          boolean usesMcs, LocalDate agreementDate, String status, java.time.Instant changedAt,
                          String changedBy, String reason, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final DirectoryService directory;

    public FacilityRegister(JdbcClient jdbc, DirectoryService directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The office records an application: the facility exists as APPLIED, without groups or staff. */
    @Transactional
    public void apply(Application a, String by, String processInstanceId) {
        DirectoryService.requireFacilityId(a.id());
        if (directory.facility(a.id()).isPresent()) {
            throw new UserError("この事業所IDは既に使われています: " + a.id(), "facility id exists already: " + a.id());
        }
        jdbc.sql("""
                INSERT INTO facility (id, name, kind, uses_mcs, created_at, status, address, telephone, agreement_date,
                    process_instance_id) VALUES (?, ?, ?, ?, ?, 'APPLIED', ?, ?, ?, ?)""")
                .params(a.id(), a.name(), a.kind().name(), a.usesMcs(), now(), a.address(), a.telephone(),
                        date(a.agreementDate()), processInstanceId).update();
        version(a.id(), Change.APPLIED.name(), by, null, processInstanceId);
    }

    /** The application's data as the office corrected it (a return, a correction); the old values stay as a version. */
    @Transactional
    public void revise(Application a, String changeKind, String by, String reason, String processInstanceId) {
        int updated = jdbc.sql("""
                UPDATE facility SET name = ?, kind = ?, uses_mcs = ?, address = ?, telephone = ?, agreement_date = ?
                WHERE id = ? AND status <> 'REJECTED'""")
                .params(a.name(), a.kind().name(), a.usesMcs(), a.address(), a.telephone(),
                        date(a.agreementDate()), a.id()).update();
        if (updated == 0) {
            throw new UserError("変更できる事業所ではありません: " + a.id(), "not a facility that can be changed: " + a.id());
        }
        version(a.id(), changeKind, by, reason, processInstanceId);
    }

    /** Approved: its Camunda groups and authorizations exist now, so its manager and administrators can be registered. */
    @Transactional
    public void approve(String facilityId, String by, String comment, String processInstanceId) {
        if (status(facilityId) == Status.APPLIED) {
            setStatus(facilityId, Status.APPROVED);
            directory.provision(facilityId, directory.facility(facilityId).orElseThrow().name());
        }
        version(facilityId, Change.APPROVED.name(), by, comment, processInstanceId);
    }

    @Transactional
    public void reject(String facilityId, String by, String reason, String processInstanceId) {
        setStatus(facilityId, Status.REJECTED);
        version(facilityId, Change.REJECTED.name(), by, reason, processInstanceId);
    }

    /** N1-2, A7: ACTIVE once an active manager and an active MCS administrator exist; whether it is now. */
    @Transactional
    public boolean activateIfStaffed(String facilityId, String by, String processInstanceId) {
        if (directory.activeWithRole(facilityId, Role.MANAGER).isEmpty()
                || directory.activeWithRole(facilityId, Role.MCS_ADMIN).isEmpty()) {
            return false;
        }
        activate(facilityId, by, processInstanceId);
        return true;
    }

    /** The facility takes part from now (the association's office needs no MCS administrator of its own). */
    @Transactional
    public void activate(String facilityId, String by, String processInstanceId) {
        if (status(facilityId) != Status.ACTIVE) {
            setStatus(facilityId, Status.ACTIVE);
            version(facilityId, Change.ACTIVE.name(), by, null, processInstanceId);
        }
    }

    /**
     * A change of state that only holds from the state named (facility-withdrawal: ACTIVE → WITHDRAWING → WITHDRAWN,
     * or back to ACTIVE when cancelled), kept as a version; false when the facility was not in that state.
     */
    @Transactional
    public boolean move(String facilityId, Status from, Status to, String changeKind, String by, String reason,
                        String processInstanceId) {
        int updated = jdbc.sql("UPDATE facility SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), facilityId, from.name()).update();
        if (updated == 1) {
            version(facilityId, changeKind, by, reason, processInstanceId);
        }
        return updated == 1;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    public Status status(String facilityId) {
        return jdbc.sql("SELECT status FROM facility WHERE id = ?").param(facilityId)
                .query((rs, n) -> Status.valueOf(rs.getString(1))).optional().orElseThrow(() -> new UserError(
                        "事業所が登録されていません: " + facilityId, "unknown facility: " + facilityId));
    }

    public Optional<Application> application(String facilityId) {
        return jdbc.sql("""
                SELECT id, name, kind, address, telephone, uses_mcs, agreement_date FROM facility WHERE id = ?""")
                .param(facilityId)
                .query((rs, n) -> new Application(rs.getString(1), rs.getString(2),
                        FacilityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()))
                .optional();
    }

    /** Every state the facility had, oldest first (the register page's 履歴 and 訂正履歴). */
    public List<Version> versions(String facilityId) {
        return jdbc.sql("""
                SELECT change_kind, name, kind, address, telephone, uses_mcs, agreement_date, status, changed_at,
                    changed_by, reason, process_instance_id FROM facility_version WHERE facility_id = ? ORDER BY id""")
                .param(facilityId)
                .query((rs, n) -> new Version(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11),
                        rs.getString(12)))
                .list();
    }

    private void setStatus(String facilityId, Status status) {
        jdbc.sql("UPDATE facility SET status = ? WHERE id = ?").params(status.name(), facilityId).update();
    }

    /** A copy of the row as it is now: the register keeps every state, never rewriting an earlier one. */
    public void version(String facilityId, String changeKind, String by, String reason, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO facility_version (facility_id, change_kind, name, kind, address, telephone, uses_mcs,
                    agreement_date, status, changed_at, changed_by, reason, process_instance_id)
                SELECT id, ?, name, kind, address, telephone, uses_mcs, agreement_date, status, ?, ?, ?, ?
                FROM facility WHERE id = ?""")
                .params(changeKind, now(), by, reason, processInstanceId, facilityId).update();
    }
}
