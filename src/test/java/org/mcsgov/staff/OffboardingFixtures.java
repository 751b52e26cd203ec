package org.mcsgov.staff;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mcsgov.mcs.McsAction;
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
        return offboard(Map.of("leaverUserId", leaver.userId(), "offboardingReason", "2026年11月末で退職",
                "mcsExit", mcsExit));
    }

    /** Started by the administrator, who then chooses from the lists (UserTask_ChooseLeaver) with that form. */
    protected ProcessInstance offboard(Map<String, Object> form) {
        ProcessInstance instance = start(admin, "staff-offboarding", Map.of());
        complete(tasks(instance, "UserTask_ChooseLeaver").get(0), admin, new HashMap<>(form));
        return instance;
    }

    /** From the start to the end: MCS release confirmed by the administrator, removals, pledge acknowledged. */
    protected void finish(ProcessInstance instance) {
        runAllJobs(instance);
        confirmInMcs(instance, McsAction.valueOf((String) runtimeService.getVariable(instance.getId(), "mcsExitAction")));
        runAllJobs(instance);
        confirmRemovals(instance);
        runAllJobs(instance);
        acknowledgePledge(instance);
        runAllJobs(instance);
    }

    /** The leaver's MCS confirmation of this kind (the branches run in parallel: tasks are picked by kind). */
    protected Task mcsTask(ProcessInstance instance, McsAction action) {
        return tasks(instance, "Task_ConfirmMcsAction").stream()
                .filter(t -> action.name().equals(taskService.getVariable(t.getId(), "mcsAction"))).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + action));
    }

    protected void confirmInMcs(ProcessInstance instance, McsAction action) {
        complete(mcsTask(instance, action), admin, Map.of("mcsOutcome", "done"));
    }

    protected void acknowledgePledge(ProcessInstance instance) {
        complete(tasks(instance, "UserTask_AcknowledgePledge").get(0), admin,
                Map.of("acknowledgedBy", "admin", "pledgeAcknowledged", true));
    }
}
