package org.mcsgov.directory;

import static org.mcsgov.platform.Rows.now;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facilities, staff and their roles (A7, A8-3, A8-5, A11-2). The register's staff rows and Camunda's users and
 * groups change together, in one transaction, so the login and the register never disagree.
 */
@Service
public class DirectoryService {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final ApplicationEventPublisher events;
    private final AccountLock accountLock;
    private final PasswordService passwords;

    public DirectoryService(JdbcClient jdbc, IdentityService identityService, ApplicationEventPublisher events,
                            AccountLock accountLock, PasswordService passwords) {
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.events = events;
        this.accountLock = accountLock;
    }

    /** An active facility with its groups at once (demo data, tests); enrolled ones come through FacilityRegister. */
    @Transactional
    public Facility createFacility(Facility facility) {
        requireFacilityId(facility.id());
        jdbc.sql("INSERT INTO facility (id, name, kind, uses_mcs, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(facility.id(), facility.name(), facility.kind().name(), facility.usesMcs(), now())
                .update();
        provision(facility.id(), facility.name());
        return facility;
    }

    static void requireFacilityId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new UserError("事業所IDは英小文字・数字で2〜32文字にしてください: " + id,
                    "facility id must be 2-32 lower-case letters or digits: " + id);
        }
    }

    /** The facility's Camunda groups (one per role) and their authorizations and Tasklist filter (A7). */
    void provision(String facilityId, String facilityName) {
        AsSystem.call(identityService, () -> {
            for (Role role : Role.values()) {
                String groupId = role.groupId(facilityId);
                if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                    var group = identityService.newGroup(groupId);
                    group.setName(role == Role.OFFICE ? role.label() : facilityName + " " + role.label());
                    group.setType("WORKFLOW");
                    identityService.saveGroup(group);
                }
            }
            // still as the system: the listener (AccessPolicy) writes authorizations
            events.publishEvent(new FacilityProvisioned(facilityId, facilityName));
            return null;
        });
    }

    public Optional<Facility> facility(String id) {
        return jdbc.sql("SELECT id, name, kind, uses_mcs FROM facility WHERE id = ?").param(id)
                .query((rs, n) -> new Facility(rs.getString(1), rs.getString(2),
                        FacilityKind.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .optional();
    }

    /**
     * N1-2: the facility takes part (ACTIVE); an enrolled facility is not yet while its manager or MCS administrator
     * is missing (facility-enrollment), and its staff cannot be invited.
     */
    public boolean facilityActive(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM facility WHERE id = ? AND status = 'ACTIVE'").param(id)
                .query(Long.class).single() > 0;
    }

    public List<Facility> facilities() {
        return jdbc.sql("SELECT id, name, kind, uses_mcs FROM facility ORDER BY id")
                .query((rs, n) -> new Facility(rs.getString(1), rs.getString(2),
                        FacilityKind.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .list();
    }

    /** Registers a person with their one account and roles (A8-5, A11-2); the password follows A11-3. */
    @Transactional
    public Staff registerStaff(NewStaff s, String grantedBy, String processInstanceId) {
        Staff pending = registerPending(s, processInstanceId);
        return activate(pending.id(), s.initialPassword(), s.roles(), grantedBy, processInstanceId, false);
    }

    /**
     * A registration that cannot log in yet (staff-onboarding, A8-5): the register entry is PENDING and there is no
     * Camunda user at all, so nothing can be reached before the pledge is signed. A previous entry of the same person
     * (a mover, by e-mail) is linked.
     */
    @Transactional
    public Staff registerPending(NewStaff s, String processInstanceId) {
        Facility facility = facility(s.facilityId()).orElseThrow(() -> new UserError(
                "事業所が登録されていません: " + s.facilityId(), "unknown facility: " + s.facilityId()));
        if (!ID.matcher(s.userId()).matches()) {
            throw new UserError("ユーザーIDは英小文字・数字・「.」「-」で2〜32文字にしてください: " + s.userId(),
                    "user id must be 2-32 lower-case letters, digits, '.' or '-': " + s.userId());
        }
        if (!EMAIL.matcher(s.email()).matches()) {
            throw new UserError("メールアドレスの形式が正しくありません: " + s.email(), "invalid e-mail: " + s.email());
        }
        if (AsSystem.call(identityService, () -> identityService.createUserQuery().userId(s.userId()).count()) > 0
                || jdbc.sql("SELECT COUNT(*) FROM staff WHERE user_id = ? OR live_email = ?")
                        .params(s.userId(), s.email().toLowerCase()).query(Long.class).single() > 0) {
            throw new UserError("同じユーザーIDまたはメールアドレスのアカウントが既にあります（1人1ID、A11-2）: " + s.userId(),
                    "an account with this user id or e-mail exists already (one person, one account, A11-2)");
        }
        Long previous = jdbc.sql("SELECT MAX(id) FROM staff WHERE LOWER(email) = ? AND status = 'LEFT'")
                .param(s.email().toLowerCase()).query(Long.class).optional().orElse(null);
        long id = Rows.insert(jdbc, """
                INSERT INTO staff (facility_id, user_id, live_user_id, name, kana, profession, email, live_email, status,
                    created_at, previous_staff_id, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""",
                facility.id(), s.userId(), s.userId(), s.name(), s.kana(), s.profession(), s.email(),
                s.email().toLowerCase(), now(), previous, processInstanceId);
        return staff(id).orElseThrow();
    }

    /**
     * The pending person becomes active: their Camunda user (password per A11-3) and roles are created now, and
     * procedures waiting for the person hear of it (StaffActivated).
     */
    @Transactional
    public Staff activate(long staffId, String initialPassword, Set<Role> requested, String grantedBy,
                          String processInstanceId, boolean passwordMustChange) {
        Staff s = staff(staffId).filter(p -> "PENDING".equals(p.status())).orElseThrow(() -> new UserError(
                "有効化を待つ登録ではありません: " + staffId, "not a pending registration: " + staffId));
        User user = identityService.newUser(s.userId());
        user.setFirstName(s.name());
        user.setLastName("");
        user.setEmail(s.email());
        user.setPassword(initialPassword);
        passwords.save(user);
        jdbc.sql("""
                UPDATE staff SET status = 'ACTIVE', activated_at = ?, password_must_change = ?, password_changed_at = ?
                WHERE id = ?""")
                .params(now(), passwordMustChange, now(), staffId).update();
        Set<Role> roles = EnumSet.of(Role.STAFF);
        roles.addAll(requested);
        for (Role role : roles) {
            jdbc.sql("""
                    INSERT INTO role_assignment (staff_id, facility_id, role, valid_from, granted_by, process_instance_id)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(staffId, s.facilityId(), role.name(), now(), grantedBy, processInstanceId).update();
            AsSystem.call(identityService, () -> {
                identityService.createMembership(s.userId(), role.groupId(s.facilityId()));
                return null;
            });
        }
        events.publishEvent(new StaffActivated(staffId, s.userId(), s.email()));
        return staff(staffId).orElseThrow();
    }

    /** A pending registration that ends without an account (pledge refused, expired): the entry stays as history. */
    public void closePending(long staffId) {
        jdbc.sql("""
                UPDATE staff SET status = 'CLOSED', live_email = NULL, live_user_id = NULL
                WHERE id = ? AND status = 'PENDING'""")
                .param(staffId).update();
    }

    /** N3-5: the profile shown to others. */
    public void saveProfile(long staffId, String displayName, String profession, String photoRef) {
        jdbc.sql("UPDATE staff SET display_name = ?, profession = ?, photo_ref = ? WHERE id = ?")
                .params(displayName, profession, photoRef, staffId).update();
    }

    /** Locks a leaver's account at once (staff-offboarding), as a suspension does: no login, no task access. */
    @Transactional
    public void lock(long staffId) {
        jdbc.sql("UPDATE staff SET status = 'LOCKED' WHERE id = ?").param(staffId).update();
        accountLock.lock(staff(staffId).orElseThrow().userId());
    }

    /** The entry leaves the active register (A8-5): roles close, the Camunda user is deleted, the history stays. */
    @Transactional
    public void markLeft(long staffId, String movedToFacilityId) {
        Staff s = staff(staffId).orElseThrow();
        jdbc.sql("""
                UPDATE staff SET status = 'LEFT', live_email = NULL, live_user_id = NULL, left_at = ?,
                    moved_to_facility_id = ? WHERE id = ?""")
                .params(now(), movedToFacilityId, staffId).update();
        jdbc.sql("UPDATE role_assignment SET valid_to = ? WHERE staff_id = ? AND valid_to IS NULL")
                .params(now(), staffId).update();
        AsSystem.call(identityService, () -> {
            identityService.deleteUser(s.userId());
            return null;
        });
    }

    public Optional<Staff> staff(long id) {
        return jdbc.sql(STAFF_SELECT + " WHERE id = ?").param(id).query(RecordMapper.of(Staff.class)).optional();
    }

    /** When the entry left the active register (markLeft); empty while it is in it, or for an unknown id. */
    public Optional<java.time.Instant> leftAt(long staffId) {
        return jdbc.sql("SELECT left_at FROM staff WHERE id = ? AND left_at IS NOT NULL").param(staffId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    public Optional<Staff> staffByUserId(String userId) {
        // a mover has an entry per facility under their one user id (staff-transfer): the newest is the person now
        return jdbc.sql(STAFF_SELECT + " WHERE user_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").param(userId)
                .query(RecordMapper.of(Staff.class)).optional();
    }

    public Optional<Staff> staffByEmail(String email) {
        return jdbc.sql(STAFF_SELECT + " WHERE LOWER(email) = LOWER(?)").param(email).query(RecordMapper.of(Staff.class)).optional();
    }

    /** Active staff of the facility holding the role now, e.g. its MCS administrators (N1-2). */
    public List<Staff> activeWithRole(String facilityId, Role role) {
        return jdbc.sql(STAFF_SELECT + " s " + """
                WHERE s.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.staff_id = s.id
                    AND r.facility_id = ? AND r.role = ? AND r.valid_to IS NULL) ORDER BY s.kana""")
                .params(facilityId, role.name()).query(RecordMapper.of(Staff.class)).list();
    }

    /** Active staff of the facility, whatever their roles (e.g. to lend a device to). */
    public List<Staff> activeStaffOf(String facilityId) {
        return jdbc.sql(STAFF_SELECT + " WHERE status = 'ACTIVE' AND facility_id = ? ORDER BY kana")
                .param(facilityId).query(RecordMapper.of(Staff.class)).list();
    }

    /** Active staff of every facility that uses MCS (N1-2), for choosing an invitee. */
    public List<Staff> activeStaffOfMcsFacilities() {
        return jdbc.sql(STAFF_SELECT + " s " + """
                WHERE s.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM facility f WHERE f.id = s.facility_id
                    AND f.uses_mcs AND f.status = 'ACTIVE') ORDER BY s.facility_id, s.kana""")
                .query(RecordMapper.of(Staff.class)).list();
    }

    public Set<Role> activeRoles(long staffId) {
        List<Role> roles = jdbc.sql("SELECT role FROM role_assignment WHERE staff_id = ? AND valid_to IS NULL")
                .param(staffId).query((rs, n) -> Role.valueOf(rs.getString(1))).list();
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** The active person behind a login who holds the role, or a refusal naming what is missing. */
    public Staff requireActiveWithRole(String userId, Role role) {
        Staff staff = userId == null ? null : staffByUserId(userId).orElse(null);
        if (staff == null || !staff.isActive()) {
            throw new UserError("有効な職員として登録されていないユーザーです: " + userId,
                    "user is not an active registered staff member: " + userId);
        }
        if (!activeRoles(staff.id()).contains(role)) {
            throw new UserError("この操作には「" + role.label() + "」の役割が必要です: " + userId,
                    "this step needs the role " + role + ": " + userId);
        }
        return staff;
    }

    private static final String STAFF_SELECT =
            "SELECT id, facility_id, user_id, name, kana, profession, email, status FROM staff";
}
