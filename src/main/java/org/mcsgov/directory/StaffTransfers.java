package org.mcsgov.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of staff-transfer (異動, A8-5, A9-1, A11-2): one row per move, and the mover's entry at the new
 * facility. The person keeps their one user id; each facility has its own entry, so the old one keeps its history
 * (memberships, roles, devices as they were there) and the new one points back to it (previous_staff_id).
 */
@Service
public class StaffTransfers {

    /** One move as the register holds it; roles are those given at the destination besides STAFF. */
    public record Transfer(long id, long staffId, String fromFacilityId, String toFacilityId, String status,
                           Set<Role> roles) {
    }

    private final JdbcClient jdbc;
    private final DirectoryService directory;

    public StaffTransfers(JdbcClient jdbc, DirectoryService directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public long request(long staffId, String from, String to, String reason, String by, String processInstanceId) {
        return Rows.insert(jdbc, """
                INSERT INTO staff_transfer (staff_id, from_facility_id, to_facility_id, reason, requested_by,
                    requested_at, status, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, 'REQUESTED', ?)""",
                staffId, from, to, reason, by, Rows.now(), processInstanceId);
    }

    /** The destination's decision: ACCEPTED (with the roles given there), REJECTED or RETURNED. */
    public void decide(long id, String status, String by, String comment, Set<Role> roles) {
        String names = roles.stream().map(Role::name).collect(Collectors.joining(","));
        jdbc.sql("""
                UPDATE staff_transfer SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?, roles = ?,
                    ended_at = ?
                WHERE id = ? AND status = 'REQUESTED'""")
                // the end decided here, not in SQL: PostgreSQL cannot type a parameter inside CASE
                .params(status, by, Rows.now(), comment, names, "REJECTED".equals(status) ? Rows.now() : null, id)
                .update();
    }

    /** After a return the old facility's administrator revised the reason and asks again. */
    public void resubmit(long id, String reason) {
        jdbc.sql("UPDATE staff_transfer SET status = 'REQUESTED', reason = ? WHERE id = ? AND status = 'RETURNED'")
                .params(reason, id).update();
    }

    /** How the move ended: MOVED, NOT_JOINED (left, but no account at the new facility), WITHDRAWN, EXPIRED. */
    public void end(long id, String status, Long newStaffId) {
        jdbc.sql("UPDATE staff_transfer SET status = ?, new_staff_id = ?, ended_at = ? WHERE id = ?")
                .params(status, newStaffId, Rows.now(), id).update();
    }

    public Optional<Transfer> transfer(long id) {
        return jdbc.sql("""
                SELECT id, staff_id, from_facility_id, to_facility_id, status, roles FROM staff_transfer WHERE id = ?""")
                .param(id).query((rs, n) -> new Transfer(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), roles(rs.getString(6)))).optional();
    }

    /**
     * The mover's entry at the new facility, PENDING until staff-onboarding activates it: the same user id, name and
     * e-mail as the entry they left (A11-2: one person, one account), linked to it. Only after they left: until then
     * their user id is live at the old facility.
     */
    @Transactional
    public Staff registerMover(Transfer transfer, String processInstanceId) {
        Staff old = directory.staff(transfer.staffId()).filter(s -> "LEFT".equals(s.status()))
                .orElseThrow(() -> new UserError("異動する人は、まだ元の事業所を離れていません",
                        "the mover has not left the old facility yet"));
        long id = Rows.insert(jdbc, """
                INSERT INTO staff (facility_id, user_id, live_user_id, name, kana, profession, email, live_email, status,
                    created_at, previous_staff_id, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""",
                transfer.toFacilityId(), old.userId(), old.userId(), old.name(), old.kana(), old.profession(),
                old.email(), old.email().toLowerCase(), Rows.now(), old.id(), processInstanceId);
        return directory.staff(id).orElseThrow();
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            Arrays.stream(names.split(",")).filter(n -> !n.isBlank()).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
