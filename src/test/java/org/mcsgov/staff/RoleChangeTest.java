package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.invitation.InvitationFixture;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("role-change: the facility manager appoints and dismisses MCS administrators, coordinators and managers (A7, NIST PS-5)")
class RoleChangeTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private InvitationFixture scene;

    @BeforeEach
    void clinicAndStation() {
        scene = InvitationFixture.clinicAndStation(this);
    }

    @Autowired JdbcClient jdbc;

    private ProcessInstance change(String changer, Staff person, Role role, String change, Staff successor) {
        ProcessInstance instance = start(changer, "role-change", Map.of());
        complete(instance, changer, form(person, role, change, successor));
        return instance;
    }

    private static Map<String, Object> form(Staff person, Role role, String change, Staff successor) {
        Map<String, Object> form = new HashMap<>(Map.of("staffId", String.valueOf(person.id()), "roleName", role.name(),
                "roleChange", change, "changeReason", "体制の変更"));
        if (successor != null) {
            form.put("successorStaffId", String.valueOf(successor.id()));
        }
        return form;
    }

    private boolean inGroup(String userId, Role role) {
        return identityService.createGroupQuery().groupMember(userId).groupId(role.groupId(scene.station.facilityId))
                .count() > 0;
    }

    private Staff staff(String userId) {
        return directory.staffByUserId(userId).orElseThrow();
    }

    @Test
    @DisplayName("A7: appointed coordinator: in the engine's group at once, a role row from now with who and why")
    void appoint() {
        ProcessInstance instance = change(scene.stationManager, scene.nurse, Role.COORDINATOR, "appoint", null);

        assertThat(instance).isEnded().hasPassed("Task_Check", "Task_Appoint", "EndEvent_Appointed");
        assertThat(inGroup(scene.nurse.userId(), Role.COORDINATOR)).isTrue();
        assertThat(directory.activeRoles(scene.nurse.id())).contains(Role.COORDINATOR);
        assertThat(jdbc.sql("""
                SELECT granted_by || '/' || grant_reason || '/' || process_instance_id FROM role_assignment
                WHERE staff_id = ? AND role = 'COORDINATOR' AND valid_to IS NULL""").param(scene.nurse.id())
                .query(String.class).single()).isEqualTo(scene.stationManager + "/体制の変更/" + instance.getId());
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("staffOptions").count()).as("the people list removed once chosen").isZero();
    }

    @Test
    @DisplayName("A7, NIST PS-5: a dismissed MCS administrator leaves the group at once; their open approval (even claimed) goes to the other administrator")
    void dismissedAdministratorsApprovalsGoToTheOthers() {
        String admin2 = scene.station.person("admin2", Role.MCS_ADMIN).userId();
        ProcessInstance invitation = scene.invite(scene.group, scene.nurse);
        Task approval = singleTask(invitation, scene.stationAdmin);
        taskService.claim(approval.getId(), scene.stationAdmin);

        ProcessInstance instance = change(scene.stationManager, staff(scene.stationAdmin), Role.MCS_ADMIN, "dismiss", null);

        assertThat(instance).isEnded().hasPassed("Task_Dismiss", "EndEvent_Dismissed");
        assertThat(inGroup(scene.stationAdmin, Role.MCS_ADMIN)).isFalse();
        assertThat(directory.activeRoles(staff(scene.stationAdmin).id())).containsExactly(Role.STAFF);
        assertThat(jdbc.sql("""
                SELECT ended_by || '/' || end_reason FROM role_assignment
                WHERE staff_id = ? AND role = 'MCS_ADMIN' AND valid_to IS NOT NULL""").param(staff(scene.stationAdmin).id())
                .query(String.class).single()).isEqualTo(scene.stationManager + "/体制の変更");
        Task open = taskService.createTaskQuery().taskId(approval.getId()).singleResult();
        assertThat(open.getAssignee()).as("the claim went back to the group").isNull();
        assertThat(taskService.createTaskQuery().taskId(open.getId()).taskCandidateUser(admin2).count()).isOne();
        assertThat(taskService.createTaskQuery().taskId(open.getId()).taskCandidateUser(scene.stationAdmin).count()).isZero();
        assertThat(visibleTasks(invitation, scene.stationAdmin)).isZero();

        decide(invitation, admin2, "approve", null);
        assertThat(taskService.createTaskQuery().taskId(open.getId()).count()).as("approved by the other").isZero();
    }

    @Test
    @DisplayName("A7: the last MCS administrator is dismissed only with a successor, who is appointed first")
    void lastAdministratorNeedsSuccessor() {
        ProcessInstance instance = start(scene.stationManager, "role-change", Map.of());
        assertThatThrownBy(() -> complete(instance, scene.stationManager, form(staff(scene.stationAdmin), Role.MCS_ADMIN, "dismiss",
                null))).isInstanceOf(UserError.class).hasMessageContaining("最後のMCS管理者");
        assertThat(inGroup(scene.stationAdmin, Role.MCS_ADMIN)).isTrue();

        complete(instance, scene.stationManager, form(staff(scene.stationAdmin), Role.MCS_ADMIN, "dismiss", scene.nurse));
        assertThat(instance).isEnded().hasPassed("EndEvent_Dismissed");
        assertThat(directory.activeWithRole(scene.station.facilityId, Role.MCS_ADMIN)).extracting(Staff::userId)
                .containsExactly(scene.nurse.userId());
        assertThat(inGroup(scene.nurse.userId(), Role.MCS_ADMIN)).isTrue();
        assertThat(inGroup(scene.stationAdmin, Role.MCS_ADMIN)).isFalse();
    }

    @Test
    @DisplayName("N1-4: a coordinator of groups is refused with the groups named until they are handed over")
    void coordinatorWithGroups() {
        String clinicManager = scene.clinic.person("mgr", Role.MANAGER).userId();
        Staff successor = scene.clinic.person("coord2", Role.COORDINATOR);
        ProcessInstance instance = start(clinicManager, "role-change", Map.of());
        assertThatThrownBy(() -> complete(instance, clinicManager, form(staff(scene.coord), Role.COORDINATOR, "dismiss",
                null))).isInstanceOf(UserError.class).hasMessageContaining("「" + scene.group.name() + "」")
                .hasMessageContaining("coordinator-handover");

        groups.changeCoordinator(scene.group.id(), successor.id(), scene.coord, "異動", "test");
        complete(instance, clinicManager, form(staff(scene.coord), Role.COORDINATOR, "dismiss", null));
        assertThat(instance).isEnded().hasPassed("EndEvent_Dismissed");
        assertThat(directory.activeRoles(staff(scene.coord).id())).doesNotContain(Role.COORDINATOR);
    }

    @Test
    @DisplayName("A7: a manager's own role through the office: not offered to the manager; the office dismisses with a successor")
    void managersOwnRoleThroughTheOffice() {
        String office = Fixture.facility(directory, FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
        ProcessInstance own = start(scene.stationManager, "role-change", Map.of());
        assertThat(runtimeService.getVariable(own.getId(), "staffOptions").toString())
                .doesNotContain(scene.stationManager).contains(scene.nurse.userId());

        ProcessInstance instance = change(office, staff(scene.stationManager), Role.MANAGER, "dismiss", scene.nurse);
        assertThat(instance).isEnded().hasPassed("EndEvent_Dismissed");
        assertThat(directory.activeWithRole(scene.station.facilityId, Role.MANAGER)).extracting(Staff::userId)
                .containsExactly(scene.nurse.userId());
        assertThat(inGroup(scene.stationManager, Role.MANAGER)).isFalse();
    }

    @Test
    @DisplayName("bad input: a role held or not held, no reason, a successor with an appointment or the person themself, another facility's manager holding the task, a starter without the role")
    void badInput() {
        ProcessInstance instance = start(scene.stationManager, "role-change", Map.of());
        assertThatThrownBy(() -> complete(instance, scene.stationManager, form(staff(scene.stationAdmin), Role.MCS_ADMIN,
                "appoint", null))).hasMessageContaining("既に");
        assertThatThrownBy(() -> complete(instance, scene.stationManager, form(scene.nurse, Role.COORDINATOR, "dismiss", null)))
                .hasMessageContaining("ではありません");
        assertThatThrownBy(() -> complete(instance, scene.stationManager, form(scene.nurse, Role.COORDINATOR, "appoint",
                staff(scene.stationAdmin)))).hasMessageContaining("後任は解任のときだけ");
        assertThatThrownBy(() -> complete(instance, scene.stationManager, form(staff(scene.stationAdmin), Role.MCS_ADMIN,
                "dismiss", staff(scene.stationAdmin)))).hasMessageContaining("後任は同じ事業所の");
        Map<String, Object> noReason = form(scene.nurse, Role.COORDINATOR, "appoint", null);
        noReason.remove("changeReason");
        assertThatThrownBy(() -> complete(instance, scene.stationManager, noReason)).hasMessageContaining("理由");
        Staff clinicNurse = scene.clinic.person("nurse");
        assertThatThrownBy(() -> complete(instance, scene.stationManager, form(clinicNurse, Role.COORDINATOR, "appoint",
                null))).hasMessageContaining("選択肢にない");

        String clinicManager = scene.clinic.person("mgr", Role.MANAGER).userId();
        Task task = singleTask(instance, scene.stationManager);
        taskService.setAssignee(task.getId(), clinicManager);
        assertThatThrownBy(() -> complete(task, clinicManager, form(scene.nurse, Role.COORDINATOR, "appoint", null)))
                .hasMessageContaining("自施設");
        assertThat(directory.activeRoles(scene.nurse.id())).containsExactly(Role.STAFF);

        assertThatThrownBy(() -> start(scene.nurse.userId(), "role-change", Map.of())).isInstanceOf(RuntimeException.class);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("role-change")
                .startedBy(scene.nurse.userId()).count()).isZero();
    }

    @Test
    @DisplayName("A7: nothing entered by the deadline: ends without a change")
    void expires() {
        ProcessInstance instance = start(scene.stationManager, "role-change", Map.of());
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 8L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("BoundaryTimer_Expire", "EndEvent_Expired");
    }
}
