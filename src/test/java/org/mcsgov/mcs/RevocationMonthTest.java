package org.mcsgov.mcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.web.RevocationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A simulated month on the engine clock (issue 13): three facilities; every working day a leaver, a suspension or a
 * removal from a group; people confirm in MCS after a delay drawn from a fixed distribution (most within hours, some
 * after the deadline). The revocation times are measured from the register the office reads and printed.
 */
@DisplayName("a simulated month of leavers, suspensions and removals: revocation times measured (N1-3, N2-2, N3-7)")
class RevocationMonthTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    @Autowired JdbcClient jdbc;
    @Autowired RevocationTimes revocationTimes;

    private final Random random = new Random(13);
    private final Map<String, Instant> plannedConfirmation = new HashMap<>();
    /** The roots started here: other tests' instances in the same engine are left alone. */
    private final java.util.Set<String> roots = new java.util.HashSet<>();

    private record Site(Fixture fixture, String admin, String manager, Staff coord, List<Staff> staff) {
    }

    private Site site(FacilityKind kind) {
        Fixture fixture = Fixture.facility(directory, kind);
        Staff coord = fixture.person("coord", Role.COORDINATOR);
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            staff.add(fixture.person("s" + i));
        }
        var site = new Site(fixture, fixture.person("admin", Role.MCS_ADMIN).userId(),
                fixture.person("mgr", Role.MANAGER).userId(), coord, staff);
        for (int g = 0; g < 3; g++) {
            var group = groups.requestFreeGroup(fixture.facilityId, coord.id(), "連絡 " + g, "連絡用", "test", "fixture");
            groups.activate(group.id(), "test", "fixture");
            for (Staff person : staff) {
                groups.openMembership(group.id(), person.id(), "MEMBER", "test", "test", null, "fixture");
            }
        }
        return site;
    }

    /** Most people confirm within a working day; one in ten only after the deadline (escalated, or later). */
    private Duration confirmationDelay() {
        double p = random.nextDouble();
        long minutes = p < 0.6 ? 30 + random.nextInt(7 * 60) : p < 0.9 ? 8 * 60 + random.nextInt(15 * 60)
                : 24 * 60 + random.nextInt(36 * 60);
        return Duration.ofMinutes(minutes);
    }

    @Test
    void month() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z"); // 09:00 in Japan
        ClockUtil.setCurrentTime(Date.from(start));
        List<Site> sites = List.of(site(FacilityKind.CLINIC), site(FacilityKind.VISITING_NURSE),
                site(FacilityKind.PHARMACY));
        int leavers = 0;
        int suspensions = 0;
        int removals = 0;
        for (int hour = 0; hour < 34 * 24; hour++) {
            Instant now = start.plus(Duration.ofHours(hour));
            ClockUtil.setCurrentTime(Date.from(now));
            int day = hour / 24;
            if (hour % 24 == 0 && day < 30 && day % 7 < 5) { // working days, 09:00
                Site site = sites.get(day % 3);
                Staff person = site.staff().remove(0);
                switch (day % 3) {
                    case 0 -> {
                        var offboarding = track(start(site.admin(), "staff-offboarding", Map.of()));
                        complete(offboarding, site.admin(), Map.of("leaverUserId", person.userId(),
                                "offboardingReason", "退職", "mcsExit", day % 2 == 0 ? "release" : "withdrawn"));
                        leavers++;
                    }
                    case 1 -> {
                        var suspension = track(start(site.admin(), "user-suspension", Map.of()));
                        complete(suspension, site.admin(), Map.of("staffId", String.valueOf(person.id()),
                                "suspensionReason", "不適切な投稿"));
                        suspensions++;
                    }
                    default -> {
                        long membershipId = groups.currentMemberships(null, person.id(), null).get(0).membershipId();
                        var removal = track(start(site.coord().userId(), "membership-removal", Map.of()));
                        complete(removal, site.coord().userId(), Map.of("membershipId", String.valueOf(membershipId),
                                "removalReason", "担当終了"));
                        removals++;
                    }
                }
            }
            runDueJobs();
            work(sites, now);
        }
        identityService.setAuthentication("office-reader", List.of(Role.OFFICE.groupId(null)));
        List<RevocationTimes.Row> rows;
        try {
            var ours = sites.stream().map(site -> site.fixture().facilityId).toList();
            rows = revocationTimes.rows(Map.of()).all().stream().filter(row -> ours.contains(row.facilityId())).toList();
        } finally {
            identityService.clearAuthentication();
        }
        var all = jdbc.sql("""
                SELECT COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY elapsed_seconds),
                       PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY elapsed_seconds), MAX(elapsed_seconds),
                       COUNT(CASE WHEN escalated_at IS NOT NULL THEN 1 END),
                       COUNT(CASE WHEN office_notified_at IS NOT NULL THEN 1 END)
                FROM mcs_action WHERE revocation AND outcome = 'DONE' AND facility_id IN (?, ?, ?)""")
                .params(sites.get(0).fixture().facilityId, sites.get(1).fixture().facilityId,
                        sites.get(2).fixture().facilityId).query((rs, n) -> new double[] {
                rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5), rs.getLong(6)})
                .single();
        System.out.printf("%nSIMULATED MONTH (engine clock, 2026-12-01 .. 2027-01-03): %d leavers, %d suspensions, "
                + "%d removals → %d revocations confirmed in MCS: median %.1f h, 95th percentile %.1f h, max %.1f h; "
                + "%d escalated to the facility manager, %d told to the office; overdue at the end: %d%n",
                leavers, suspensions, removals, (long) all[0], all[1] / 3600, all[2] / 3600, all[3] / 3600,
                (long) all[4], (long) all[5], rows.stream().mapToLong(RevocationTimes.Row::overdue).sum());
        for (var row : rows) {
            System.out.printf("  %-28s confirmed %3d  median %5.1f h  p95 %5.1f h  max %5.1f h  open %d  overdue %d%n",
                    row.facilityName(), row.confirmed(), row.medianSeconds() / 3600, row.p95Seconds() / 3600,
                    row.maxSeconds() / 3600, row.openCount(), row.overdue());
        }
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.confirmed()).isPositive();
            assertThat(row.overdue()).isZero();
        });
        assertThat((long) all[0]).isGreaterThanOrEqualTo(leavers + suspensions + removals);
        assertThat((long) all[4]).as("some escalated").isPositive();
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance track(org.camunda.bpm.engine.runtime.ProcessInstance root) {
        roots.add(root.getId());
        return root;
    }

    private void runDueJobs() {
        var management = engine.getManagementService();
        for (var jobs = ourDueJobs(); !jobs.isEmpty(); jobs = ourDueJobs()) {
            jobs.stream().filter(j -> management.createJobQuery().jobId(j.getId()).count() > 0)
                    .forEach(j -> management.executeJob(j.getId()));
        }
    }

    private List<org.camunda.bpm.engine.runtime.Job> ourDueJobs() {
        return engine.getManagementService().createJobQuery().executable().list().stream()
                .filter(j -> roots.contains(j.getRootProcessInstanceId())).toList();
    }

    private boolean ours(Task task) {
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        return instance != null && roots.contains(instance.getRootProcessInstanceId());
    }

    /** People at work: confirmations when their time has come (after an escalation the manager), pledges at once. */
    private void work(List<Site> sites, Instant now) {
        for (Task task : taskService.createTaskQuery().taskDefinitionKey("Task_ConfirmMcsAction").list().stream()
                .filter(this::ours).toList()) {
            Instant due = plannedConfirmation.computeIfAbsent(task.getId(),
                    id -> task.getCreateTime().toInstant().plus(confirmationDelay()));
            if (!now.isBefore(due)) {
                complete(task, confirmer(sites, task), Map.of("mcsOutcome", "done"));
            }
        }
        for (Task task : taskService.createTaskQuery().taskDefinitionKey("UserTask_AcknowledgePledge").list().stream()
                .filter(this::ours).toList()) {
            complete(task, task.getAssignee(), Map.of("acknowledgedBy", "admin", "pledgeAcknowledged", true));
        }
    }

    private String confirmer(List<Site> sites, Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        String facility = Role.facilityOf((String) taskService.getVariable(task.getId(), "mcsCandidateGroup"));
        return sites.stream().filter(s -> s.fixture().facilityId.equals(facility)).findFirst().orElseThrow().manager();
    }
}
