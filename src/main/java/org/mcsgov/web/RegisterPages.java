package org.mcsgov.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mcsgov.inactivity.InactivityReactivation;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The detail pages: a facility, a person, a group. Each is readable exactly when its row is in the viewer's list
 * (Visibility); its history comes from the register, its open tasks from the engine as the viewer sees them.
 */
@Controller
public class RegisterPages {

    public record StaffDetail(long id, String userId, String name, String kana, String displayName, String profession,
                              String email, String status, String facilityId, String facilityName,
                              OffsetDateTime createdAt, OffsetDateTime activatedAt, OffsetDateTime leftAt,
                              String processInstanceId) {
    }

    public record RoleRow(String role, OffsetDateTime validFrom, OffsetDateTime validTo, String grantedBy,
                          String grantReason, String endedBy, String endReason, String processInstanceId) {
    }

    /** 訂正履歴 of an entry (register-correction): the old value kept beside the new one. */
    public record CorrectionRow(String field, String oldValue, String newValue, String reason, String status,
                                String requestedBy, OffsetDateTime requestedAt, String decidedBy,
                                String processInstanceId) {
    }

    /** paperSignedOn and paperKeptAt: a pledge signed on paper before the system (pledge-record), else null. */
    public record PledgeRow(String status, String version, OffsetDateTime signedAt, String recordedBy,
                            String facilityId, String processInstanceId, LocalDate paperSignedOn, String paperKeptAt) {
    }

    public record TrainingRow(LocalDate trainingDate, String content, String recordedBy, String processInstanceId) {
    }

    public record AttestationRow(OffsetDateTime requestedAt, String status, OffsetDateTime attestedAt,
                                 OffsetDateTime nextDueAt, String processInstanceId) {
    }

    public record SuspensionRow(String reason, String suspendedBy, OffsetDateTime suspendedAt, String status,
                                String decidedBy, OffsetDateTime decidedAt, String decisionReason,
                                String processInstanceId) {
    }

    public record DeviceRef(String assetNumber, String kind, String model, OffsetDateTime since, String lentBy) {
    }

    public record GroupRef(long id, String name, String role, OffsetDateTime since, boolean readable) {
    }

    public record GroupDetail(long id, String kind, String name, String purpose, String status, String facilityId,
                              String facilityName, long coordinatorStaffId, String coordinator,
                              boolean patientTakesPart, String requestedBy, OffsetDateTime requestedAt,
                              OffsetDateTime activatedAt, OffsetDateTime closedAt, String closeReason,
                              String processInstanceId, String closedProcessInstanceId) {
    }

    public record CoordinatorRow(String name, OffsetDateTime validFrom, OffsetDateTime validTo, String changedBy,
                                 String reason, String processInstanceId) {
    }

    public record InvitationRow(long id, String inviteeEmail, String reason, String state, String invitedBy,
                                String approvedBy, OffsetDateTime createdAt, OffsetDateTime closedAt,
                                String closeReason, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final DirectoryService directory;
    private final FacilityRegister facilities;
    private final GroupService groups;
    private final Links links;
    private final MembershipList memberships;
    private final AccountLock accountLock;
    private final CurrentUser currentUser;
    private final InactivityReactivation inactivityReactivation;

    public RegisterPages(JdbcClient jdbc, Visibility visibility, DirectoryService directory, FacilityRegister facilities,
                         GroupService groups, Links links, MembershipList memberships, AccountLock accountLock,
                         CurrentUser currentUser, InactivityReactivation inactivityReactivation) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.directory = directory;
        this.facilities = facilities;
        this.groups = groups;
        this.links = links;
        this.memberships = memberships;
        this.accountLock = accountLock;
        this.currentUser = currentUser;
        this.inactivityReactivation = inactivityReactivation;
    }

    @GetMapping("/register/facilities/{id}")
    public String facility(@PathVariable String id, Model model) {
        var facility = directory.facility(id).orElseThrow(() -> notFound("事業所", id));
        readable(visibility.facility(id));
        model.addAttribute("facility", facility);
        model.addAttribute("enrollment", facilities.application(id).orElseThrow());
        model.addAttribute("status", Labels.of(Labels.FACILITY_STATUS, facilities.status(id).name()));
        model.addAttribute("versions", facilities.versions(id));
        model.addAttribute("managers", directory.activeWithRole(id, Role.MANAGER));
        model.addAttribute("admins", directory.activeWithRole(id, Role.MCS_ADMIN));
        model.addAttribute("coordinators", directory.activeWithRole(id, Role.COORDINATOR));
        model.addAttribute("activeStaff", jdbc.sql("SELECT COUNT(*) FROM staff WHERE facility_id = ? AND status = 'ACTIVE'")
                .param(id).query(Long.class).single());
        model.addAttribute("tasks", links.tasksOfGroups(Stream.of(Role.MANAGER, Role.MCS_ADMIN, Role.COORDINATOR,
                Role.STAFF).map(role -> role.groupId(id)).toList()));
        return "register/facility";
    }

    @GetMapping("/register/staff/{id}")
    public String staff(@PathVariable long id, Model model) {
        StaffDetail person = rows(StaffDetail.class, """
                SELECT s.id, s.user_id, s.name, s.kana, s.display_name, s.profession, s.email, s.status, s.facility_id,
                    f.name AS facility_name, s.created_at, s.activated_at, s.left_at, s.process_instance_id
                FROM staff s JOIN facility f ON f.id = s.facility_id WHERE s.id = ?""", id).stream().findFirst()
                .orElseThrow(() -> notFound("職員", String.valueOf(id)));
        readable(visibility.staff(id));
        var roles = rows(RoleRow.class, """
                SELECT role, valid_from, valid_to, granted_by, grant_reason, ended_by, end_reason, process_instance_id
                FROM role_assignment
                WHERE staff_id = ? ORDER BY valid_from, id""", id);
        var pledges = rows(PledgeRow.class, """
                SELECT status, version, signed_at, recorded_by, facility_id, process_instance_id, paper_signed_on,
                    paper_kept_at FROM pledge
                WHERE email = (SELECT LOWER(email) FROM staff WHERE id = ?) ORDER BY signed_at, id""", id);
        var trainings = rows(TrainingRow.class, """
                SELECT t.training_date, t.content, t.recorded_by, t.process_instance_id FROM security_training t
                JOIN training_attendance a ON a.training_id = t.id WHERE a.staff_id = ? ORDER BY t.training_date""", id);
        var attestations = rows(AttestationRow.class, """
                SELECT requested_at, status, attested_at, next_due_at, process_instance_id FROM password_attestation
                WHERE staff_id = ? ORDER BY requested_at DESC, id DESC""", id);
        var suspensions = rows(SuspensionRow.class, """
                SELECT reason, suspended_by, suspended_at, status, decided_by, decided_at, decision_reason,
                    process_instance_id FROM staff_suspension WHERE staff_id = ? ORDER BY suspended_at, id""", id);
        var memberOf = rows(GroupRef.class, """
                SELECT g.id, g.name, m.role, m.valid_from AS since, FALSE AS readable
                FROM membership m JOIN patient_group g ON g.id = m.group_id
                WHERE m.staff_id = ? AND m.valid_to IS NULL ORDER BY g.name, g.id""", id);
        var readable = visibility.readableGroups(memberOf.stream().map(GroupRef::id).toList());
        var currentGroups = memberOf.stream().map(g -> new GroupRef(g.id(), g.name(), g.role(), g.since(),
                readable.contains(g.id()))).toList();
        List<String> instances = new ArrayList<>();
        instances.add(person.processInstanceId());
        roles.forEach(r -> instances.add(r.processInstanceId()));
        attestations.forEach(a -> instances.add(a.processInstanceId()));
        suspensions.forEach(s -> instances.add(s.processInstanceId()));
        model.addAttribute("person", person);
        // A11-3: a lockout by failed logins, with the unlock button for the facility's MCS administrator (AccountUnlock)
        model.addAttribute("lockedOut", person.userId() != null
                && accountLock.state(person.userId()) == AccountLock.LockState.FAILED_LOGINS);
        model.addAttribute("mayUnlock", currentUser.hasRoleIn(person.facilityId(), Role.MCS_ADMIN));
        // A11-2: an account locked for inactivity, reactivated by the same button with a reason (InactivityReactivation)
        model.addAttribute("lockedForInactivity", directory.staff(id).flatMap(inactivityReactivation::lockingReview)
                .isPresent());
        model.addAttribute("reactivations", jdbc.sql("""
                SELECT reactivated_at, reactivated_by, reason FROM inactivity_reactivation WHERE staff_id = ?
                ORDER BY id""").param(id).query((rs, n) -> List.of(Cells.text(rs.getObject(1, OffsetDateTime.class)),
                        rs.getString(2), rs.getString(3))).list());
        model.addAttribute("roles", roles);
        model.addAttribute("pledges", pledges);
        model.addAttribute("trainings", trainings);
        model.addAttribute("attestations", attestations);
        model.addAttribute("suspensions", suspensions);
        model.addAttribute("currentGroups", currentGroups);
        model.addAttribute("corrections", rows(CorrectionRow.class, """
                SELECT field, old_value, new_value, reason, status, requested_by, requested_at, decided_by,
                    process_instance_id FROM correction WHERE kind = 'STAFF' AND record_key = ? ORDER BY id""",
                String.valueOf(id)));
        model.addAttribute("devices", rows(DeviceRef.class, """
                SELECT d.asset_number, d.kind, d.model, l.valid_from AS since, l.lent_by FROM device_loan l
                JOIN device d ON d.id = l.device_id WHERE l.staff_id = ? AND l.valid_to IS NULL ORDER BY l.valid_from""", id));
        model.addAttribute("tasks", links.tasksOf(instances));
        return "register/staff";
    }

    @GetMapping("/register/groups/{id}")
    public String group(@PathVariable long id,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                        Model model) {
        GroupDetail group = rows(GroupDetail.class, """
                SELECT g.id, g.kind, g.name, g.purpose, g.status, g.facility_id, f.name AS facility_name,
                    g.coordinator_staff_id, c.name AS coordinator, g.patient_takes_part, g.requested_by, g.requested_at,
                    g.activated_at, g.closed_at, g.close_reason, g.process_instance_id, g.closed_process_instance_id
                FROM patient_group g JOIN facility f ON f.id = g.facility_id JOIN staff c ON c.id = g.coordinator_staff_id
                WHERE g.id = ?""", id).stream().findFirst()
                .orElseThrow(() -> notFound("グループ", String.valueOf(id)));
        readable(visibility.group(id));
        var invitations = rows(InvitationRow.class, """
                SELECT id, invitee_email, reason, state, """ + PersonName.of("invited_by", "invited_by") + ", "
                + PersonName.of("approved_by", "approved_by") + """
                , created_at, closed_at, close_reason, process_instance_id FROM invitation WHERE group_id = ?
                ORDER BY created_at DESC, id DESC""", id);
        var coordinators = rows(CoordinatorRow.class, """
                SELECT s.name, h.valid_from, h.valid_to, h.changed_by, h.reason, h.process_instance_id
                FROM coordinator_history h JOIN staff s ON s.id = h.staff_id WHERE h.group_id = ?
                ORDER BY h.valid_from, h.id""", id);
        var current = groups.currentMembers(id);
        List<String> instances = new ArrayList<>(List.of(group.processInstanceId()));
        invitations.stream().filter(i -> i.closedAt() == null).forEach(i -> instances.add(i.processInstanceId()));
        model.addAttribute("group", group);
        model.addAttribute("current", current);
        model.addAttribute("history", ListView.of(memberships, Map.of("group", String.valueOf(id)), 1));
        model.addAttribute("on", on);
        model.addAttribute("membersOn", on == null ? List.of() : groups.membersOn(id, on));
        model.addAttribute("coordinators", coordinators);
        model.addAttribute("invitations", invitations);
        model.addAttribute("tasks", links.tasksOf(instances));
        return "register/group";
    }

    private <T extends Record> List<T> rows(Class<T> type, String sql, Object param) {
        return jdbc.sql(sql).param(param).query(RecordMapper.list(type));
    }

    private static void readable(boolean allowed) {
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "この情報を閲覧する権限がありません / you may not read this");
        }
    }

    private static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what + "が見つかりません / not found: " + id);
    }
}
