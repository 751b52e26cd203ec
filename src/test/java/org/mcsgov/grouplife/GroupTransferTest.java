package org.mcsgov.grouplife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.patient.ConsentFixture.grantedByPatient;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("group-transfer (管理施設の変更, A4, A6, N1-4)")
class GroupTransferTest extends ProcessTestSupport {

    @Autowired GroupService groups;

    @Autowired JdbcClient jdbc;
    Fixture clinic;
    Fixture hospital;
    String coord;
    String admin;
    String receivingAdmin;
    Staff newCoordinator;
    Group group;

    @BeforeEach
    void twoFacilities() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        hospital = Fixture.facility(directory, FacilityKind.HOSPITAL);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        receivingAdmin = hospital.person("admin", Role.MCS_ADMIN).userId();
        newCoordinator = hospital.person("coord", Role.COORDINATOR);
        group = new GroupFixture(this, groups).activePatientGroup(coord, false);
    }

    private ProcessInstance requested() {
        ProcessInstance instance = start(admin, "group-transfer", Map.of());
        complete(instance, admin, Map.of("groupId", String.valueOf(group.id()),
                "receivingFacilityId", hospital.facilityId, "transferReason", "入院のため"));
        return instance;
    }

    private ProcessInstance approvedRequest() {
        ProcessInstance instance = requested();
        complete(instance, receivingAdmin, Map.of("transferDecision", "approve",
                "newCoordinatorStaffId", String.valueOf(newCoordinator.id())));
        assertThat(instance).task().isAssignedTo(newCoordinator.userId());
        return instance;
    }

    @Test
    @DisplayName("least knowledge: once requested, the receiving facility's task holds neither the sending facility's "
            + "groups nor the facilities the request chose from")
    void requestLeavesNoChoiceLists() {
        ProcessInstance instance = requested();

        assertThat(instance).isWaitingAt("UserTask_DecideTransfer");
        assertThat(runtimeService.getVariables(instance.getId()))
                .doesNotContainKeys("groupOptions", "receivingFacilityOptions").containsKey("transferSummary");
    }

    @Test
    @DisplayName("approved: consent recorded again, done in MCS, group and patient at the new facility with history")
    void transferred() {
        ProcessInstance instance = approvedRequest();
        complete(instance, newCoordinator.userId(), new HashMap<>(grantedByPatient()));
        runJobs(instance);
        complete(instance, newCoordinator.userId(), Map.of("mcsOutcome", "done"));

        assertThat(instance).isEnded().hasPassed("Task_Transfer", "EndEvent_Transferred");
        Group moved = groups.group(group.id()).orElseThrow();
        assertThat(moved.facilityId()).isEqualTo(hospital.facilityId);
        assertThat(moved.coordinatorStaffId()).isEqualTo(newCoordinator.id());
        assertThat(groups.isCurrentMember(group.id(), newCoordinator.id())).isTrue();
        assertThat(count("SELECT COUNT(*) FROM coordinator_history WHERE group_id = ? AND valid_to IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM group_transfer WHERE group_id = ?")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT facility_id FROM patient WHERE id = ?").param(moved.patientId())
                .query(String.class).single()).isEqualTo(hospital.facilityId);
        assertThat(jdbc.sql("SELECT facility_id FROM consent WHERE patient_id = ? AND status = 'GRANTED'")
                .param(moved.patientId()).query(String.class).single()).isEqualTo(hospital.facilityId);
    }

    @Test
    @DisplayName("N1-4: a review open while the group moves: the new coordinator reviews, the receiving facility's "
            + "coordinators are the candidates, the sending facility's no longer see the task")
    void openReviewMoves() {
        String colleague = clinic.person("coord2", Role.COORDINATOR).userId();
        ProcessInstance campaign = start(admin, "membership-review", Map.of());
        runAllJobs(campaign);
        String review = taskService.createTaskQuery().processInstanceBusinessKeyLike("review:%:group:" + group.id())
                .singleResult().getId();
        assertThat(sees(colleague, review)).as("before: a coordinator of the group's facility").isTrue();

        ProcessInstance instance = approvedRequest();
        complete(instance, newCoordinator.userId(), new HashMap<>(grantedByPatient()));
        runJobs(instance);
        complete(instance, newCoordinator.userId(), Map.of("mcsOutcome", "done"));

        assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee())
                .isEqualTo(newCoordinator.userId());
        assertThat(taskService.getIdentityLinksForTask(review)).filteredOn(link -> link.getGroupId() != null)
                .extracting(link -> link.getGroupId()).containsExactly(Role.COORDINATOR.groupId(hospital.facilityId));
        assertThat(sees(colleague, review)).as("after: the sending facility's coordinator").isFalse();
        assertThat(sees(coord, review)).as("after: the group's former coordinator").isFalse();
        assertThat(sees(newCoordinator.userId(), review)).isTrue();
    }

    /** Whether the person finds the task in Tasklist (authorization on). */
    private boolean sees(String userId, String taskId) {
        as(userId);
        try {
            return taskService.createTaskQuery().taskId(taskId).count() == 1;
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    @DisplayName("rejected by the receiving facility, or the patient refuses there: nothing moves")
    void rejected() {
        ProcessInstance instance = requested();
        complete(instance, receivingAdmin, Map.of("transferDecision", "reject", "transferComment", "受け入れ困難"));
        assertThat(instance).isEnded().hasPassed("Task_NotTransferred", "EndEvent_NotTransferred");

        ProcessInstance refused = approvedRequest();
        complete(refused, newCoordinator.userId(), Map.of("explanation", "説明", "consentDecision", "refused",
                "refusalReason", "希望しない"));
        assertThat(refused).isEnded().hasPassed("Gateway_NotTransferred", "EndEvent_NotTransferred");
        assertThat(groups.group(group.id()).orElseThrow().facilityId()).isEqualTo(clinic.facilityId);
    }

    @Test
    @DisplayName("expired: no decision, or no consent, within the period; the expiry is recorded, nothing moves")
    void expired() {
        ProcessInstance undecided = requested();
        ProcessInstance unconsented = approvedRequest();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 15L * 24 * 3600 * 1000));
        runJobs(undecided);
        runJobs(unconsented);
        assertThat(undecided).isEnded().hasPassed("BoundaryTimer_DecideExpire", "EndEvent_Expired");
        assertThat(unconsented).isEnded().hasPassed("BoundaryTimer_ConsentExpire", "EndEvent_Expired");
        assertThat(groups.group(group.id()).orElseThrow().facilityId()).isEqualTo(clinic.facilityId);
    }

    @Test
    @DisplayName("bad input: another facility's group is not offered, nor a facility that is not active")
    void badInput() {
        Fixture other = Fixture.facility(directory, FacilityKind.CLINIC);
        String otherCoord = other.person("coord", Role.COORDINATOR).userId();
        Group foreign = new GroupFixture(this, groups).activePatientGroup(otherCoord, false);
        Fixture pending = Fixture.facility(directory, FacilityKind.CLINIC);
        jdbc.sql("UPDATE facility SET status = 'APPROVED' WHERE id = ?").param(pending.facilityId).update();
        ProcessInstance instance = start(admin, "group-transfer", Map.of());
        assertThatThrownBy(() -> complete(instance, admin, Map.of("groupId", String.valueOf(foreign.id()),
                "receivingFacilityId", hospital.facilityId, "transferReason", "x"))).hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> complete(instance, admin, Map.of("groupId", String.valueOf(group.id()),
                "receivingFacilityId", pending.facilityId, "transferReason", "x"))).hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> start(coord, "group-transfer", Map.of())).isNotNull();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(group.id()).query(Long.class).single();
    }
}
