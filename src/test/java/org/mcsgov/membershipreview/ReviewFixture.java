package org.mcsgov.membershipreview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two clinics (each with an MCS administrator and a coordinator) whose groups have members of a nursing station,
 * an office login, and helpers to open a campaign and decide a group's review as the reviewer does in Tasklist
 * (through the test's engine).
 */
public final class ReviewFixture {

    public final Fixture clinic;
    public final Fixture clinicB;
    public final Fixture station;
    public final String admin;
    public final Staff coord;
    public final Staff coordB;
    public final Staff nurse1;
    public final Staff nurse2;
    public final Group group;
    public final String office;
    private final EngineTestSupport test;
    private final GroupService groups;
    private final JdbcClient jdbc;

    private ReviewFixture(EngineTestSupport test, GroupService groups, JdbcClient jdbc) {
        this.test = test;
        this.groups = groups;
        this.jdbc = jdbc;
        var identityService = test.engine().getIdentityService();
        clinic = Fixture.facility(test.directory(), FacilityKind.CLINIC);
        clinicB = Fixture.facility(test.directory(), FacilityKind.CLINIC);
        station = Fixture.facility(test.directory(), FacilityKind.VISITING_NURSE);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        clinicB.person("admin", Role.MCS_ADMIN);
        coord = clinic.person("coord", Role.COORDINATOR);
        coordB = clinicB.person("coord", Role.COORDINATOR);
        nurse1 = station.person("n1", Role.STAFF);
        nurse2 = station.person("n2", Role.STAFF);
        group = group(clinic, coord, "見直し 1", nurse1, nurse2);
        office = clinic.facilityId + "-office";
        var user = identityService.newUser(office);
        user.setPassword(Fixture.PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(office, Role.OFFICE.groupId(null));
    }

    public static ReviewFixture twoClinics(EngineTestSupport test) {
        return new ReviewFixture(test, test.bean(GroupService.class), test.bean(JdbcClient.class));
    }

    /** An active free group of the facility with these members besides its coordinator (written as a fixture). */
    public Group group(Fixture facility, Staff coordinator, String name, Staff... members) {
        Group created = groups.requestFreeGroup(facility.facilityId, coordinator.id(), name, "連絡用", "test", "fixture");
        groups.activate(created.id(), "test", "fixture");
        for (Staff member : members) {
            groups.openMembership(created.id(), member.id(), "MEMBER", coordinator.userId(), "test", null, "fixture");
        }
        return created;
    }

    /** A campaign for the clinic, opened by its MCS administrator, fanned out (all jobs run). */
    public ProcessInstance campaign() {
        ProcessInstance campaign = test.start(admin, "membership-review", Map.of());
        test.runAllJobs(campaign);
        return campaign;
    }

    public long campaignId(ProcessInstance campaign) {
        return ((Number) test.engine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(campaign.getId()).variableName("campaignId").singleResult().getValue()).longValue();
    }

    /** The review task of the group, as its reviewer finds it. */
    public Task reviewTask(Group of) {
        return test.engine().getTaskService().createTaskQuery()
                .processInstanceBusinessKeyLike("review:%:group:" + of.id()).singleResult();
    }

    public long membershipOf(Group of, Staff member) {
        return groups.currentMembers(of.id()).stream().filter(m -> m.staffId() == member.id()).findFirst()
                .map(Member::membershipId).orElseThrow();
    }

    /** The reviewer completes the review task keeping only these members. */
    public void decide(Group of, String reviewer, List<Long> keep, String justification, Map<String, Object> more) {
        Task task = reviewTask(of);
        Map<String, Object> form = new HashMap<>(more);
        form.put("keepIds", SpinValues.jsonValue(keep.stream().map(id -> "\"" + id + "\"").toList().toString()).create());
        if (justification != null) {
            form.put("justification", justification);
        }
        test.complete(task, reviewer, form);
    }

    /** Moves the engine's clock forward by days and runs what fell due. */
    public void daysLater(ProcessInstance campaign, int days) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                java.util.Date.from(EngineClock.now().plus(java.time.Duration.ofDays(days))));
        test.runAllJobs(campaign);
    }

    public String reviewStatus(long campaignId, Group of) {
        return jdbc.sql("SELECT status FROM group_review WHERE campaign_id = ? AND group_id = ?")
                .params(campaignId, of.id()).query(String.class).single();
    }
}
