package org.mcsgov.grouplife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("coordinator-handover (N1-4)")
class CoordinatorHandoverTest extends ProcessTestSupport {

    @Autowired GroupService groups;

    @Autowired JdbcClient jdbc;
    Fixture clinic;
    String coord;
    Staff successor;
    String admin;
    Group group;

    @BeforeEach
    void clinicWithTwoCoordinators() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        successor = clinic.person("coord2", Role.COORDINATOR);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        group = new GroupFixture(this, groups).activePatientGroup(coord, false);
    }

    private ProcessInstance nameSuccessor(String starter) {
        ProcessInstance instance = start(starter, "coordinator-handover", Map.of());
        complete(instance, starter, new HashMap<>(Map.of("groupId", String.valueOf(group.id()),
                "successorStaffId", String.valueOf(successor.id()), "handoverReason", "異動のため")));
        return instance;
    }

    @Test
    @DisplayName("N1-4: the outgoing coordinator names the successor, who accepts; same group, history kept")
    void handedOverByOutgoingCoordinator() {
        ProcessInstance instance = nameSuccessor(coord);
        assertThat(instance).isWaitingAt("UserTask_Accept").task().isAssignedTo(successor.userId());
        complete(instance, successor.userId(), Map.of("handoverDecision", "accept"));

        assertThat(instance).isEnded().hasPassed("Task_ChangeCoordinator", "EndEvent_HandedOver");
        assertThat(groups.group(group.id()).orElseThrow().coordinatorStaffId()).isEqualTo(successor.id());
        assertThat(groups.isCurrentMember(group.id(), successor.id())).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coordinator_history WHERE group_id = ?").param(group.id())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(groups.liveGroupOf(group.patientId()).orElseThrow().id()).isEqualTo(group.id());
    }

    @Test
    @DisplayName("N1-4: without the outgoing coordinator, the facility's MCS administrator names the successor")
    void handedOverByAdministrator() {
        jdbc.sql("UPDATE staff SET status = 'LEFT' WHERE user_id = ?").param(coord).update();
        ProcessInstance instance = nameSuccessor(admin);
        complete(instance, successor.userId(), Map.of("handoverDecision", "accept"));
        assertThat(groups.group(group.id()).orElseThrow().coordinatorStaffId()).isEqualTo(successor.id());
    }

    @Test
    @DisplayName("the successor declines with a reason: nothing changes")
    void declined() {
        ProcessInstance instance = nameSuccessor(coord);
        assertThatThrownBy(() -> complete(instance, successor.userId(), Map.of("handoverDecision", "decline")))
                .isInstanceOf(UserError.class);
        complete(instance, successor.userId(), Map.of("handoverDecision", "decline", "handoverComment", "担当過多"));
        assertThat(instance).isEnded().hasPassed("EndEvent_NotHandedOver");
        assertThat(groups.group(group.id()).orElseThrow().coordinatorStaffId()).isNotEqualTo(successor.id());
    }

    @Test
    @DisplayName("the successor does not answer within the period: the handover lapses, nothing changes")
    void acceptanceExpires() {
        ProcessInstance instance = nameSuccessor(coord);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 8L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("BoundaryTimer_AcceptExpire", "EndEvent_NotHandedOver");
        assertThat(groups.group(group.id()).orElseThrow().coordinatorStaffId()).isNotEqualTo(successor.id());
    }

    @Test
    @DisplayName("open invitations started by the outgoing coordinator move to the successor")
    void openInvitationsMove() {
        Fixture station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        String stationAdmin = station.person("admin", Role.MCS_ADMIN).userId();
        Staff nurse = station.person("nurse");
        ProcessInstance invitation = start(coord, "group-invitation", Map.of());
        complete(invitation, coord, new HashMap<>(Map.of("groupId", String.valueOf(group.id()), "inviteeStaffId",
                String.valueOf(nurse.id()), "reason", "訪問看護", "requestAction", "submit")));
        runJobs(invitation);
        complete(invitation, stationAdmin, Map.of("decision", "return", "decisionComment", "詳しく"));
        assertThat(invitation).task().isAssignedTo(coord);

        ProcessInstance handover = nameSuccessor(coord);
        complete(handover, successor.userId(), Map.of("handoverDecision", "accept"));

        assertThat(invitation).task().isAssignedTo(successor.userId());
        assertThat(runtimeService.getVariable(invitation.getId(), "initiator")).isEqualTo(successor.userId());
    }

    @Test
    @DisplayName("bad input: a successor of another facility or the current coordinator is refused")
    void badSuccessor() {
        Fixture other = Fixture.facility(directory, FacilityKind.CLINIC);
        Staff stranger = other.person("coord", Role.COORDINATOR);
        ProcessInstance instance = start(coord, "coordinator-handover", Map.of());
        assertThatThrownBy(() -> complete(instance, coord, Map.of("groupId", String.valueOf(group.id()),
                "successorStaffId", String.valueOf(stranger.id()), "handoverReason", "x"))).hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> complete(instance, coord, Map.of("groupId", String.valueOf(group.id()),
                "successorStaffId", String.valueOf(directory.staffByUserId(coord).orElseThrow().id()),
                "handoverReason", "x"))).hasMessageContaining("現在の担当者");
    }
}
