package org.mcsgov.offboarding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.springframework.beans.factory.annotation.Autowired;

/** A clinic with an administrator, a coordinator and a leaver, and helpers to drive a whole offboarding tree. */
public abstract class OffboardingFixtures extends ProcessTestSupport {

    /** Memberships of a person (parameter) closed, each by exactly one REMOVE decision and no NOOP. */
    static final String MEMBERSHIPS_CLOSED_ONCE = """
            SELECT COUNT(*) FROM membership m WHERE m.staff_id = ? AND m.valid_to IS NOT NULL
                AND (SELECT COUNT(*) FROM decision_log d WHERE d.subject_type = 'MEMBERSHIP'
                     AND d.subject_id = m.id AND d.step = 'REMOVE') = 1
                AND NOT EXISTS (SELECT 1 FROM decision_log d WHERE d.subject_type = 'MEMBERSHIP'
                     AND d.subject_id = m.id AND d.step = 'NOOP')""";

    @Autowired protected GroupService groups;

    protected Fixture clinic;
    protected String admin;
    protected Staff coord;
    protected Staff leaver;

    @BeforeEach
    void clinicWithLeaver() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        coord = clinic.person("coord", Role.COORDINATOR);
        leaver = clinic.person("leaver", Role.COORDINATOR);
    }

    /** An active free group of the clinic coordinated by the given person (created directly in the register). */
    protected Group group(Staff coordinator, String name) {
        return group(groups, clinic.facilityId, coordinator, name);
    }

    static Group group(GroupService groups, String facilityId, Staff coordinator, String name) {
        Group group = groups.requestFreeGroup(facilityId, coordinator.id(), name, "連絡用", "test", "fixture");
        groups.activate(group.id(), "test", "fixture");
        return group;
    }

    /** The leaver becomes a member of n groups coordinated by coord. */
    protected void memberOf(int n) {
        memberOf(groups, clinic.facilityId, coord, leaver, n);
    }

    static void memberOf(GroupService groups, String facilityId, Staff coordinator, Staff member, int n) {
        for (int i = 0; i < n; i++) {
            groups.openMembership(group(groups, facilityId, coordinator, "連絡 " + i).id(), member.id(), "MEMBER",
                    "test", "test", null, "fixture");
        }
    }

    protected ProcessInstance offboard(String mcsExit) {
        Map<String, Object> form = new HashMap<>(Map.of("leaverUserId", leaver.userId(),
                "offboardingReason", "2026年11月末で退職", "mcsExit", mcsExit));
        return start(admin, "staff-offboarding", form);
    }

    /** Jobs of the whole tree (the removals' MCS actions are grandchildren of the offboarding). */
    protected List<Job> jobs(ProcessInstance root) {
        return engine.getManagementService().createJobQuery().executable().list().stream()
                .filter(j -> root.getId().equals(j.getRootProcessInstanceId())).toList();
    }

    protected void runAllJobs(ProcessInstance root) {
        for (List<Job> jobs = jobs(root); !jobs.isEmpty(); jobs = jobs(root)) {
            jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
    }

    /** Open tasks of the tree with this definition key. */
    protected List<Task> tasks(ProcessInstance root, String key) {
        Set<String> instances = runtimeService.createProcessInstanceQuery().rootProcessInstanceId(root.getId()).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        return taskService.createTaskQuery().taskDefinitionKey(key).list().stream()
                .filter(t -> instances.contains(t.getProcessInstanceId())).toList();
    }

    /** Every removal confirmed in MCS by the group's coordinator, as they would in Tasklist. */
    protected void confirmRemovals(ProcessInstance root) {
        for (Task task : tasks(root, "Task_ConfirmMcsAction")) {
            as(task.getAssignee());
            try {
                taskService.complete(task.getId(), Map.of("mcsOutcome", "done"));
            } finally {
                identityService.clearAuthentication();
            }
        }
    }

    /** From the removals to the end: pledge acknowledged, MCS release confirmed by the administrator. */
    protected void finish(ProcessInstance instance) {
        runAllJobs(instance);
        confirmRemovals(instance);
        runAllJobs(instance);
        complete(instance, admin, Map.of("acknowledgedBy", "admin", "pledgeAcknowledged", true));
        runAllJobs(instance);
        complete(instance, admin, Map.of("mcsOutcome", "done"));
    }
}
