package org.mcsgov.membershipreview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two clinics (each with an MCS administrator and a coordinator) whose groups have members of a nursing station,
 * an office login, and helpers to open a campaign and decide a group's review as the reviewer does in Tasklist.
 */
public abstract class ReviewFixtures extends ProcessTestSupport {

    @Autowired protected GroupService groups;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected ReviewReport reports;

    protected Fixture clinic;
    protected Fixture clinicB;
    protected Fixture station;
    protected String admin;
    protected Staff coord;
    protected Staff coordB;
    protected Staff nurse1;
    protected Staff nurse2;
    protected Group group;
    protected String office;

    @BeforeEach
    void twoClinics() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        clinicB = Fixture.facility(directory, FacilityKind.CLINIC);
        station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
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

    /** An active free group of the facility with these members besides its coordinator (written as a fixture). */
    protected Group group(Fixture facility, Staff coordinator, String name, Staff... members) {
        Group created = groups.requestFreeGroup(facility.facilityId, coordinator.id(), name, "連絡用", "test", "fixture");
        groups.activate(created.id(), "test", "fixture");
        for (Staff member : members) {
            groups.openMembership(created.id(), member.id(), "MEMBER", coordinator.userId(), "test", null, "fixture");
        }
        return created;
    }

    /** A campaign for the clinic, opened by its MCS administrator, fanned out (all jobs run). */
    protected ProcessInstance campaign() {
        ProcessInstance campaign = start(admin, "membership-review", Map.of());
        runAllJobs(campaign);
        return campaign;
    }

    protected long campaignId(ProcessInstance campaign) {
        return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(campaign.getId()).variableName("campaignId").singleResult().getValue()).longValue();
    }

    /** The review task of the group, as its reviewer finds it. */
    protected Task reviewTask(Group of) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike("review:%:group:" + of.id()).singleResult();
    }

    protected long membershipOf(Group of, Staff member) {
        return groups.currentMembers(of.id()).stream().filter(m -> m.staffId() == member.id()).findFirst()
                .map(Member::membershipId).orElseThrow();
    }

    /** The reviewer completes the review task keeping only these members. */
    protected void decide(Group of, String reviewer, List<Long> keep, String justification, Map<String, Object> more) {
        Task task = reviewTask(of);
        Map<String, Object> form = new HashMap<>(more);
        form.put("keepIds", SpinValues.jsonValue(keep.stream().map(id -> "\"" + id + "\"").toList().toString()).create());
        if (justification != null) {
            form.put("justification", justification);
        }
        complete(task, reviewer, form);
    }

    /** Moves the engine's clock forward by days and runs what fell due. */
    protected void daysLater(ProcessInstance campaign, int days) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                java.util.Date.from(EngineClock.now().plus(java.time.Duration.ofDays(days))));
        runAllJobs(campaign);
    }

    protected String reviewStatus(long campaignId, Group of) {
        return jdbc.sql("SELECT status FROM group_review WHERE campaign_id = ? AND group_id = ?")
                .params(campaignId, of.id()).query(String.class).single();
    }
}
