package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupFixture;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("user-suspension: suspend at once, lift or ban (N2-2, N3-9)")
class UserSuspensionTest extends ProcessTestSupport {

    @Autowired GroupService groups;

    @Autowired JdbcClient jdbc;

    Fixture clinic;
    String admin;
    String coord;
    Staff nurse;
    Group group;

    @BeforeEach
    void nurseInAGroup() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        nurse = clinic.person("nurse");
        group = new GroupFixture(this, groups).activePatientGroup(coord, false);
        groups.openMembership(group.id(), nurse.id(), "MEMBER", coord, admin, null, "fixture");
    }

    private ProcessInstance suspend(Staff person) {
        ProcessInstance instance = start(admin, "user-suspension", Map.of());
        complete(instance, admin, Map.of("staffId", String.valueOf(person.id()), "suspensionReason", "患者情報の私的な閲覧"));
        runJobs(instance);
        complete(instance, admin, Map.of("mcsOutcome", "done"));   // N2-2: stopped in MCS too, confirmed
        return instance;
    }

    private long suspendedMemberships() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM membership_suspension ms JOIN staff_suspension s ON s.id = ms.suspension_id
                WHERE s.staff_id = ? AND s.status = 'SUSPENDED'""").param(nurse.id()).query(Long.class).single();
    }

    @Test
    @DisplayName("N2-2: the account is locked at once, task access gone, memberships marked; lifted with a reason")
    void suspendAndLift() {
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isTrue();
        ProcessInstance instance = suspend(nurse);

        assertThat(instance).isWaitingAt("UserTask_Decide").hasPassed("Task_Suspend", "Task_InformOffice",
                "CallActivity_SuspendInMcs");
        assertThat(jdbc.sql("SELECT revocation FROM mcs_action WHERE business_key = ? AND action = 'SUSPEND_STAFF'"
                + " AND outcome = 'DONE'").param(runtimeService.createProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey()).query(Boolean.class).single())
                .isTrue();
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).as("login refused").isFalse();
        assertThat(identityService.createGroupQuery().groupMember(nurse.userId()).count()).as("task access").isZero();
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("SUSPENDED");
        assertThat(groups.isCurrentMember(group.id(), nurse.id())).as("membership kept").isTrue();
        assertThat(suspendedMemberships()).isEqualTo(1);
        assertThat((String) runtimeService.getVariable(instance.getId(), "officeNotice")).contains("N2-2", nurse.userId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).startsWith("suspension:");

        complete(instance, admin, Map.of("suspensionDecision", "lift", "decisionReason", "本人と面談し再発防止を確認"));
        runJobs(instance);
        assertThat(singleTask(instance, admin).getName()).isEqualTo("MCSで実施して確定");
        complete(instance, admin, Map.of("mcsOutcome", "done"));   // restored in MCS
        assertThat(instance).isEnded().hasPassed("Task_Lift", "CallActivity_RestoreInMcs", "EndEvent_Lifted");
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isTrue();
        assertThat(identityService.createGroupQuery().groupMember(nurse.userId()).list())
                .extracting(g -> g.getId()).containsExactly(Role.STAFF.groupId(clinic.facilityId));
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(suspendedMemberships()).isZero();
        assertThat(jdbc.sql("SELECT decision_reason FROM staff_suspension WHERE staff_id = ?").param(nurse.id())
                .query(String.class).single()).isEqualTo("本人と面談し再発防止を確認");
    }

    @Test
    @DisplayName("N2-2: a ban ends every membership through membership-removal; the account stays locked")
    void ban() {
        ProcessInstance instance = suspend(nurse);
        complete(instance, admin, Map.of("suspensionDecision", "ban", "decisionReason", "再発"));
        runJobs(instance);
        for (ProcessInstance removal : runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).list()) {
            runJobs(removal);
            complete(removal, coord, Map.of("mcsOutcome", "done"));
        }
        assertThat(instance).isEnded().hasPassed("CallActivity_EndMemberships", "Task_RecordBan", "EndEvent_Banned");
        assertThat(groups.isCurrentMember(group.id(), nurse.id())).isFalse();
        assertThat(groups.currentMemberships(null, nurse.id(), null)).isEmpty();
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("BANNED");
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isFalse();
    }

    @Test
    @DisplayName("N1-4: a coordinator of groups is banned only after a handover")
    void banOfCoordinatorNeedsHandover() {
        ProcessInstance instance = suspend(directory.staffByUserId(coord).orElseThrow());
        assertThatThrownBy(() -> complete(instance, admin, Map.of("suspensionDecision", "ban", "decisionReason", "x")))
                .isInstanceOf(UserError.class).hasMessageContaining("N1-4");
    }

    @Test
    @DisplayName("bad input: unknown or other facility's staff, oneself, no reason, no decision")
    void badInput() {
        Fixture other = Fixture.facility(directory, FacilityKind.PHARMACY);
        Staff outsider = other.person("staff");
        ProcessInstance instance = start(admin, "user-suspension", Map.of());
        assertThatThrownBy(() -> complete(instance, admin, Map.of("staffId", String.valueOf(outsider.id()),
                "suspensionReason", "x"))).isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        long self = directory.staffByUserId(admin).orElseThrow().id();
        assertThatThrownBy(() -> complete(instance, admin, Map.of("staffId", String.valueOf(self),
                "suspensionReason", "x"))).hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> complete(instance, admin, Map.of("staffId", String.valueOf(nurse.id()))))
                .hasMessageContaining("停止の理由");
        assertThat(directory.staff(nurse.id()).orElseThrow().isActive()).isTrue();

        ProcessInstance suspension = suspend(nurse);
        assertThatThrownBy(() -> complete(suspension, admin, Map.of("decisionReason", "x")))
                .hasMessageContaining("判断");
        assertThatThrownBy(() -> complete(suspension, admin, Map.of("suspensionDecision", "lift")))
                .hasMessageContaining("理由");
    }

    @Test
    @DisplayName("N2-2 trust boundary: another facility's administrator holding the request names a clinic's staff member: refused, nothing locked; recorded by who acted")
    void otherFacilitysAdministrator() {
        Fixture station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        String stationAdmin = station.person("admin", Role.MCS_ADMIN).userId();
        ProcessInstance instance = start(admin, "user-suspension", Map.of());
        var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.setAssignee(task.getId(), stationAdmin);
        assertThatThrownBy(() -> complete(task, stationAdmin, Map.of("staffId", String.valueOf(nurse.id()),
                "suspensionReason", "x"))).isInstanceOf(UserError.class).hasMessageContaining("自施設");
        assertThat(directory.staff(nurse.id()).orElseThrow().isActive()).isTrue();
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("N2-2 trust boundary: the decision handed to a colleague who is no administrator, or to another facility's: refused")
    void decisionHandedToNonAdministrator() {
        String colleague = clinic.person("colleague").userId();
        String stationAdmin = Fixture.facility(directory, FacilityKind.VISITING_NURSE).person("admin", Role.MCS_ADMIN)
                .userId();
        String admin2 = clinic.person("admin2", Role.MCS_ADMIN).userId();
        ProcessInstance instance = suspend(nurse);
        assertThat(jdbc.sql("SELECT suspended_by FROM staff_suspension WHERE staff_id = ?").param(nurse.id())
                .query(String.class).single()).isEqualTo(admin);
        var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        for (String holder : new String[] {colleague, stationAdmin}) {
            taskService.setAssignee(task.getId(), holder);
            assertThatThrownBy(() -> complete(taskService.createTaskQuery().taskId(task.getId()).singleResult(), holder,
                    Map.of("suspensionDecision", "lift", "decisionReason", "x"))).as(holder)
                    .isInstanceOf(UserError.class).hasMessageContaining("MCS管理者");
        }
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("SUSPENDED");
        taskService.setAssignee(task.getId(), null);
        complete(instance, admin2, Map.of("suspensionDecision", "lift", "decisionReason", "面談済み"));
        runJobs(instance);
        complete(instance, admin2, Map.of("mcsOutcome", "done"));
        assertThat(instance).isEnded();
        assertThat(jdbc.sql("SELECT decided_by FROM staff_suspension WHERE staff_id = ?").param(nurse.id())
                .query(String.class).single()).isEqualTo(admin2);
    }
}
