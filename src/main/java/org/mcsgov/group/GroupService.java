package org.mcsgov.group;

import static org.mcsgov.platform.Rows.now;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Groups and memberships (A5-1, A5-2, N1-1, N2-1). A group is REQUESTED until it is confirmed in MCS, then
 * ACTIVE, and ends ARCHIVED or CANCELLED; memberships are rows with valid_from / valid_to.
 */
@Service
public class GroupService {

    private static final String SELECT = """
            SELECT id, kind, facility_id, patient_id, name, purpose, status, coordinator_staff_id, patient_takes_part
            FROM patient_group""";
    private static final String MEMBERS = """
            SELECT m.id AS membership_id, m.group_id, m.staff_id, s.user_id, s.name, s.facility_id,
                   f.name AS facility_name, s.profession, m.role, m.valid_from, m.valid_to, m.invited_by,
                   m.approved_by, m.opened_process_instance_id, m.closed_by, m.close_reason,
                   m.closed_process_instance_id
            FROM membership m JOIN staff s ON s.id = m.staff_id JOIN facility f ON f.id = s.facility_id""";

    /** Who invited and approved the memberships of a migration (初期移行): they were in MCS before the register. */
    public static final String MIGRATION = "初期移行";
    private static final String COORDINATOR = Member.Role.COORDINATOR.name();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;

    public GroupService(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A membership of a migration: the person has been in the group since that day (in MCS). */
    public record MigratedMembership(long groupId, long staffId, LocalDate since) {
    }

    /** The originating facility's requested or active group of that name (the name it has in MCS). */
    public Optional<Group> liveGroup(String facilityId, String name) {
        return jdbc.sql(SELECT + " WHERE facility_id = ? AND name = ? AND status IN ('REQUESTED', 'ACTIVE') ORDER BY id")
                .params(facilityId, name).query(RecordMapper.of(Group.class)).list().stream().findFirst();
    }

    /**
     * 初期移行: a group that exists in MCS already, ACTIVE since its start with its coordinator as the first member
     * (invited and approved by 初期移行) and in the coordinator history. A patient group's patient has no other live
     * group (N1-1, the database's unique key).
     */
    public Group migrateGroup(String kind, String facilityId, Long patientId, String name, String purpose,
                              long coordinatorStaffId, LocalDate since, String by, String processInstanceId) {
        Timestamp from = startOf(since);
        long id = Rows.insert(jdbc, """
                INSERT INTO patient_group (kind, facility_id, patient_id, live_patient_id, name, purpose, status,
                    patient_takes_part, coordinator_staff_id, requested_by, requested_at, activated_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', FALSE, ?, ?, ?, ?, ?)""",
                kind, facilityId, patientId, patientId, name, purpose, coordinatorStaffId, by, now(), from,
                processInstanceId);
        migrateMemberships(List.of(new MigratedMembership(id, coordinatorStaffId, since)), COORDINATOR,
                processInstanceId);
        jdbc.sql("""
                INSERT INTO coordinator_history (group_id, staff_id, valid_from, changed_by, reason, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, coordinatorStaffId, from, by, MIGRATION, processInstanceId).update();
        return group(id).orElseThrow();
    }

    /**
     * 初期移行: memberships open since their day, invited and approved by 初期移行, written as one JDBC batch (a city
     * has tens of thousands; the caller's transaction holds the batch and its record of migrated rows).
     */
    public void migrateMemberships(List<MigratedMembership> memberships, String role, String processInstanceId) {
        batch.batchUpdate("""
                INSERT INTO membership (group_id, staff_id, role, valid_from, invited_by, approved_by,
                    opened_process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", memberships.stream().map(m -> new Object[] {m.groupId(), m.staffId(),
                role, startOf(m.since()), MIGRATION, MIGRATION, processInstanceId}).toList());
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
    }

    public Optional<Group> group(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(RecordMapper.of(Group.class)).optional();
    }

    /** The patient's requested or active group, if any (N1-1: there is at most one). */
    public Optional<Group> liveGroupOf(long patientId) {
        return jdbc.sql(SELECT + " WHERE live_patient_id = ?").param(patientId).query(RecordMapper.of(Group.class)).optional();
    }

    public Set<Long> patientsWithLiveGroup(String facilityId) {
        return jdbc.sql("SELECT live_patient_id FROM patient_group WHERE facility_id = ? AND live_patient_id IS NOT NULL")
                .param(facilityId).query(Long.class).list().stream().collect(Collectors.toSet());
    }

    /** Records the request; the database's unique key refuses a second live group for the patient (N1-1). */
    public Group requestPatientGroup(long patientId, String facilityId, long coordinatorStaffId, String name,
                                     String note, boolean patientTakesPart, String requestedBy,
                                     String processInstanceId) {
        try {
            return insert(Group.Kind.PATIENT.name(), facilityId, patientId, name, note, patientTakesPart,
                    coordinatorStaffId, requestedBy, processInstanceId);
        } catch (DuplicateKeyException e) {
            throw new UserError("この患者の患者グループは既にあります（1患者1グループ、N1-1）",
                    "the patient already has a patient group (one group per patient, N1-1)");
        }
    }

    public Group requestFreeGroup(String facilityId, long coordinatorStaffId, String name, String purpose,
                                  String requestedBy, String processInstanceId) {
        return insert(Group.Kind.FREE.name(), facilityId, null, name, purpose, false, coordinatorStaffId, requestedBy,
                processInstanceId);
    }

    private Group insert(String kind, String facilityId, Long patientId, String name, String purpose,
                         boolean patientTakesPart, long coordinatorStaffId, String requestedBy,
                         String processInstanceId) {
        long id = Rows.insert(jdbc, """
                INSERT INTO patient_group (kind, facility_id, patient_id, live_patient_id, name, purpose, status,
                    patient_takes_part, coordinator_staff_id, requested_by, requested_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?)""",
                kind, facilityId, patientId, patientId, name, purpose, patientTakesPart, coordinatorStaffId,
                requestedBy, now(), processInstanceId);
        return group(id).orElseThrow();
    }

    /** The group exists in MCS now: it becomes active with its coordinator as the first member. */
    public void activate(long groupId, String confirmedBy, String processInstanceId) {
        Group group = requireStatus(groupId, "REQUESTED");
        jdbc.sql("UPDATE patient_group SET status = 'ACTIVE', activated_at = ? WHERE id = ?")
                .params(now(), groupId).update();
        openMembership(groupId, group.coordinatorStaffId(), COORDINATOR, confirmedBy, confirmedBy, null,
                processInstanceId);
        jdbc.sql("""
                INSERT INTO coordinator_history (group_id, staff_id, valid_from, changed_by, reason, process_instance_id)
                VALUES (?, ?, ?, ?, 'グループ作成', ?)""")
                .params(groupId, group.coordinatorStaffId(), now(), confirmedBy, processInstanceId).update();
    }

    /** Opens a membership, recording who invited, who approved, the invitation and the process (A5-2, A8-4). */
    public void openMembership(long groupId, long staffId, String role, String invitedBy, String approvedBy,
                               Long invitationId, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO membership (group_id, staff_id, role, valid_from, invited_by, approved_by, invitation_id,
                    opened_process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(groupId, staffId, role, now(), invitedBy, approvedBy, invitationId, processInstanceId)
                .update();
    }

    /** Ends a membership once: true when this call ended it, false when it had ended already. */
    public boolean closeMembership(long membershipId, String closedBy, String reason, String processInstanceId) {
        return jdbc.sql("""
                UPDATE membership SET valid_to = ?, closed_by = ?, close_reason = ?, closed_process_instance_id = ?
                WHERE id = ? AND valid_to IS NULL""")
                .params(now(), closedBy, reason, processInstanceId, membershipId).update() == 1;
    }

    public Optional<Member> membership(long membershipId) {
        return jdbc.sql(MEMBERS + " WHERE m.id = ?").param(membershipId).query(RecordMapper.of(Member.class)).optional();
    }

    /** Active groups whose originating facility is this one (patient groups and free groups). */
    public List<Group> activeGroupsOf(String facilityId) {
        return jdbc.sql(SELECT + " WHERE facility_id = ? AND status = 'ACTIVE' ORDER BY name, id")
                .param(facilityId).query(RecordMapper.of(Group.class)).list();
    }

    /** Current memberships of the groups of a facility, of a person, or of a facility's staff. */
    public List<Member> currentMemberships(String groupFacilityId, Long staffId, String staffFacilityId) {
        return jdbc.sql(MEMBERS + " " + """
                JOIN patient_group g ON g.id = m.group_id
                WHERE m.valid_to IS NULL AND (g.facility_id = ? OR m.staff_id = ? OR s.facility_id = ?)
                ORDER BY g.name, s.kana""")
                .params(groupFacilityId, staffId, staffFacilityId).query(RecordMapper.of(Member.class)).list();
    }

    /**
     * N1-4: the group keeps its account and its sharing; the coordinator changes with history, and the successor
     * becomes a member if not one yet.
     */
    public void changeCoordinator(long groupId, long successorStaffId, String changedBy, String reason,
                                  String processInstanceId) {
        requireStatus(groupId, "ACTIVE");
        jdbc.sql("UPDATE coordinator_history SET valid_to = ? WHERE group_id = ? AND valid_to IS NULL")
                .params(now(), groupId).update();
        jdbc.sql("""
                INSERT INTO coordinator_history (group_id, staff_id, valid_from, changed_by, reason, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(groupId, successorStaffId, now(), changedBy, reason, processInstanceId).update();
        jdbc.sql("UPDATE patient_group SET coordinator_staff_id = ? WHERE id = ?")
                .params(successorStaffId, groupId).update();
        if (!isCurrentMember(groupId, successorStaffId)) {
            openMembership(groupId, successorStaffId, COORDINATOR, changedBy, changedBy, null, processInstanceId);
        }
    }

    public void cancel(long groupId, String reason, String processInstanceId) {
        requireStatus(groupId, "REQUESTED");
        close(groupId, "CANCELLED", reason, processInstanceId);
    }

    /** A group went to the archive: procedures end what was still under way in it (open invitations). */
    public record GroupArchived(long groupId, String reason, String actor) {
    }

    /**
     * Every membership ends and the group goes to the archive, read-only from now on (N2-1). The group's row is locked
     * first, as a membership opens only under the same lock (isActiveLocked): an archive and an approval at the same
     * moment give one outcome, either the membership opened and is closed here, or it never opens.
     */
    public void archive(long groupId, String reason, String actor, String processInstanceId) {
        isActiveLocked(groupId);
        requireStatus(groupId, "ACTIVE");
        jdbc.sql("""
                UPDATE membership SET valid_to = ?, closed_by = ?, close_reason = ?, closed_process_instance_id = ?
                WHERE group_id = ? AND valid_to IS NULL""")
                .params(now(), actor, reason, processInstanceId, groupId).update();
        close(groupId, Group.Status.ARCHIVED.name(), reason, processInstanceId);
        events.publishEvent(new GroupArchived(groupId, reason, actor));
    }

    /** Whether the group is active, its row locked until the transaction ends (see archive). */
    public boolean isActiveLocked(long groupId) {
        return "ACTIVE".equals(jdbc.sql("SELECT status FROM patient_group WHERE id = ? FOR UPDATE").param(groupId)
                .query(String.class).optional().orElse(null));
    }

    /** group-archive: the archive with its reason code, so the history can be filtered by it (N2-1). */
    public void archive(long groupId, ArchiveReason reason, String note, String actor, String processInstanceId) {
        archive(groupId, reason.label() + (note == null ? "" : ": " + note), actor, processInstanceId);
        jdbc.sql("UPDATE patient_group SET archive_reason = ? WHERE id = ?").params(reason.name(), groupId).update();
    }

    private void close(long groupId, String status, String reason, String processInstanceId) {
        jdbc.sql("""
                UPDATE patient_group SET status = ?, live_patient_id = NULL, closed_at = ?, close_reason = ?,
                    closed_process_instance_id = ?
                WHERE id = ?""")
                .params(status, now(), reason, processInstanceId, groupId).update();
    }

    private Group requireStatus(long groupId, String status) {
        Group group = group(groupId).orElseThrow(() -> new UserError(
                "グループが見つかりません: " + groupId, "no such group: " + groupId));
        if (!status.equals(group.status())) {
            throw new UserError("グループの状態が「" + group.status() + "」のため、この操作はできません",
                    "group " + groupId + " is " + group.status() + ", expected " + status);
        }
        return group;
    }

    public List<Member> currentMembers(long groupId) {
        return jdbc.sql(MEMBERS + " WHERE m.group_id = ? AND m.valid_to IS NULL ORDER BY m.valid_from, m.id")
                .param(groupId).query(RecordMapper.of(Member.class)).list();
    }

    /** Everyone who could see the group at some time on day D (in the association's time zone). */
    public List<Member> membersOn(long groupId, LocalDate day) {
        var from = Timestamp.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
        var to = Timestamp.from(day.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant());
        return jdbc.sql(MEMBERS + " " + """
                WHERE m.group_id = ? AND m.valid_from < ? AND (m.valid_to IS NULL OR m.valid_to >= ?)
                ORDER BY m.valid_from, m.id""")
                .params(groupId, to, from).query(RecordMapper.of(Member.class)).list();
    }

    public List<Group> currentGroupsOf(long staffId) {
        return jdbc.sql(SELECT + " g WHERE EXISTS (SELECT 1 FROM membership m WHERE m.group_id = g.id "
                        + "AND m.staff_id = ? AND m.valid_to IS NULL) ORDER BY g.id")
                .param(staffId).query(RecordMapper.of(Group.class)).list();
    }

    public boolean isCurrentMember(long groupId, long staffId) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE group_id = ? AND staff_id = ? AND valid_to IS NULL")
                .params(groupId, staffId).query(Long.class).single() > 0;
    }
}
