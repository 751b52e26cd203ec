package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.device.CheckItem;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.mcs.McsAction;

/**
 * A clinic with an administrator, a coordinator and a leaver, and helpers to drive a whole offboarding tree through
 * the test's engine.
 */
public final class OffboardingFixture {

    /** Memberships of a person (parameter) closed, each by exactly one REMOVE decision and no NOOP. */
    public static final String MEMBERSHIPS_CLOSED_ONCE = """
            SELECT COUNT(*) FROM membership m WHERE m.staff_id = ? AND m.valid_to IS NOT NULL
                AND (SELECT COUNT(*) FROM decision_log d WHERE d.subject_type = 'MEMBERSHIP'
                     AND d.subject_id = m.id AND d.step = 'REMOVE') = 1
                AND NOT EXISTS (SELECT 1 FROM decision_log d WHERE d.subject_type = 'MEMBERSHIP'
                     AND d.subject_id = m.id AND d.step = 'NOOP')""";

    public final Fixture clinic;
    public final String admin;
    public final Staff coord;
    public final Staff leaver;
    private final EngineTestSupport test;
    private final GroupService groups;

    private OffboardingFixture(EngineTestSupport test, GroupService groups) {
        this.test = test;
        this.groups = groups;
        clinic = Fixture.facility(test.directory(), FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        coord = clinic.person("coord", Role.COORDINATOR);
        leaver = clinic.person("leaver", Role.COORDINATOR);
    }

    public static OffboardingFixture clinicWithLeaver(EngineTestSupport test, GroupService groups) {
        return new OffboardingFixture(test, groups);
    }

    /** An active free group of the clinic coordinated by the given person (created directly in the register). */
    public Group group(Staff coordinator, String name) {
        return group(groups, clinic.facilityId, coordinator, name);
    }

    public static Group group(GroupService groups, String facilityId, Staff coordinator, String name) {
        Group group = groups.requestFreeGroup(facilityId, coordinator.id(), name, "連絡用", "test", "fixture");
        groups.activate(group.id(), "test", "fixture");
        return group;
    }

    /** The leaver becomes a member of n groups coordinated by coord. */
    public void memberOf(int n) {
        memberOf(groups, clinic.facilityId, coord, leaver, n);
    }

    public static void memberOf(GroupService groups, String facilityId, Staff coordinator, Staff member, int n) {
        for (int i = 0; i < n; i++) {
            groups.openMembership(group(groups, facilityId, coordinator, "連絡 " + i).id(), member.id(), "MEMBER",
                    "test", "test", null, "fixture");
        }
    }

    public ProcessInstance offboard(String mcsExit) {
        return offboard(Map.of("leaverUserId", leaver.userId(), "offboardingReason", "2026年11月末で退職",
                "mcsExit", mcsExit));
    }

    /** Started by the administrator, who then chooses from the lists (UserTask_ChooseLeaver) with that form. */
    public ProcessInstance offboard(Map<String, Object> form) {
        ProcessInstance instance = test.start(admin, "staff-offboarding", Map.of());
        test.complete(test.tasks(instance, "UserTask_ChooseLeaver").get(0), admin, new HashMap<>(form));
        return instance;
    }

    /** From the start to the end: MCS release confirmed by the administrator, removals, pledge acknowledged. */
    public void finish(ProcessInstance instance) {
        test.runAllJobs(instance);
        String exit = (String) test.engine().getRuntimeService().getVariable(instance.getId(), "mcsExitAction");
        confirmInMcs(instance, McsAction.valueOf(exit));
        test.runAllJobs(instance);
        test.confirmRemovals(instance);
        test.runAllJobs(instance);
        acknowledgePledge(instance);
        test.runAllJobs(instance);
    }

    /** The leaver's MCS confirmation of this kind (the branches run in parallel: tasks are picked by kind). */
    public Task mcsTask(ProcessInstance instance, McsAction action) {
        var taskService = test.engine().getTaskService();
        return test.tasks(instance, "Task_ConfirmMcsAction").stream()
                .filter(t -> action.name().equals(taskService.getVariable(t.getId(), "mcsAction"))).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + action));
    }

    public void confirmInMcs(ProcessInstance instance, McsAction action) {
        test.complete(mcsTask(instance, action), admin, Map.of("mcsOutcome", "done"));
    }

    public void acknowledgePledge(ProcessInstance instance) {
        test.complete(test.tasks(instance, "UserTask_AcknowledgePledge").get(0), admin,
                Map.of("acknowledgedBy", "admin", "pledgeAcknowledged", true));
    }

    /** The leaver has left: LEFT, no role, no Camunda user, no open membership. */
    public void assertLeft() {
        var left = test.directory().staff(leaver.id()).orElseThrow();
        assertThat(left.status()).isEqualTo("LEFT");
        assertThat(test.directory().activeRoles(leaver.id())).isEmpty();
        assertThat(test.engine().getIdentityService().createUserQuery().userId(leaver.userId()).count()).isZero();
        assertThat(groups.currentMemberships(null, leaver.id(), null)).isEmpty();
    }

    /** A usable tablet of the clinic, on loan to the leaver (written directly, as at start-up). */
    public Device lentToLeaver(DeviceService devices, String asset) {
        Device device = devices.register(clinic.facilityId, "TABLET", asset, "タブレット", "FACILITY", null, "test",
                "fixture");
        devices.recordCheck(device.id(), CheckItem.answeredAll("YES"), null, "test", "fixture");
        devices.lend(device.id(), leaver.id(), "test", "fixture");
        return device;
    }

    /** Each device has its own return task, which offers only that device. */
    public Task returnTask(ProcessInstance instance, Device device) {
        var taskService = test.engine().getTaskService();
        return test.tasks(instance, "UserTask_Return").stream()
                .filter(t -> String.valueOf(device.id()).equals(String.valueOf(taskService.getVariable(t.getId(),
                        "deviceId"))))
                .findFirst().orElseThrow();
    }
}
