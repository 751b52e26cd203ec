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
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.mcs.McsAction;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("staff-transfer (異動, A8-5, A9-1, A11-2): one procedure, leaving through staff-offboarding and joining "
        + "through staff-onboarding with the same user id")
class StaffTransferTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private OffboardingFixture scene;

    @Autowired JdbcClient jdbc;
    @Autowired PledgeRegister pledges;

    Fixture station;
    String stationAdmin;

    @BeforeEach
    void destination() {
        scene = OffboardingFixture.clinicWithLeaver(this, groups);
        station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        stationAdmin = station.person("admin", Role.MCS_ADMIN).userId();
    }

    private ProcessInstance requested() {
        ProcessInstance instance = start(scene.admin, "staff-transfer", Map.of());
        complete(task(instance, "UserTask_Request"), scene.admin, Map.of("moverUserId", scene.leaver.userId(),
                "destinationFacilityId", station.facilityId, "transferReason", "法人内の訪問看護ステーションへ異動"));
        return instance;
    }

    private Task task(ProcessInstance instance, String key) {
        return tasks(instance, key).get(0);
    }

    private String transferStatus() {
        return jdbc.sql("SELECT status FROM staff_transfer WHERE staff_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(scene.leaver.id()).query(String.class).single();
    }

    @Test
    @DisplayName("accepted: left the clinic as staff-offboarding does, joined the station with the same user id, the "
            + "signed pledge confirmed on record, the role given there; both entries kept and linked")
    void moved() {
        scene.memberOf(1);
        pledges.record(scene.leaver, PledgeRegister.Status.SIGNED, "test", null);
        ProcessInstance instance = requested();
        complete(task(instance, "UserTask_Accept"), stationAdmin, Map.of("transferDecision", "accept",
                "roleCoordinator", true));
        runAllJobs(instance);
        assertThat(directory.staff(scene.leaver.id()).orElseThrow().status()).isEqualTo("LOCKED");
        scene.confirmInMcs(instance, McsAction.RELEASE_STAFF);
        runAllJobs(instance);
        confirmRemovals(instance);
        runAllJobs(instance);
        scene.acknowledgePledge(instance);
        runAllJobs(instance);

        Task onRecord = task(instance, "UserTask_ConfirmPledgeOnRecord");
        assertThat(onRecord.getAssignee()).isEqualTo(stationAdmin);
        complete(onRecord, stationAdmin, Map.of("onRecordDecision", "confirmed"));
        complete(task(instance, "UserTask_Profile"), stationAdmin, Map.of("displayName", "試験 異動",
                "profession", "看護師", "initialPassword", "move2027x"));
        runAllJobs(instance);

        assertThat(instance).isEnded().hasPassed("CallActivity_Leave", "CallActivity_Join", "Task_Record",
                "EndEvent_Moved");
        Staff moved = directory.staffByUserId(scene.leaver.userId()).orElseThrow();
        assertThat(moved.id()).isNotEqualTo(scene.leaver.id());
        assertThat(moved.facilityId()).isEqualTo(station.facilityId);
        assertThat(moved.status()).isEqualTo("ACTIVE");
        assertThat(directory.activeRoles(moved.id())).contains(Role.STAFF, Role.COORDINATOR);
        assertThat(identityService.checkPassword(scene.leaver.userId(), "move2027x")).isTrue();
        assertThat(identityService.createGroupQuery().groupMember(scene.leaver.userId())
                .groupId(Role.COORDINATOR.groupId(station.facilityId)).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status || ':' || moved_to_facility_id FROM staff WHERE id = ?").param(scene.leaver.id())
                .query(String.class).single()).isEqualTo("LEFT:" + station.facilityId);
        assertThat(jdbc.sql("SELECT previous_staff_id FROM staff WHERE id = ?").param(moved.id()).query(Long.class)
                .single()).isEqualTo(scene.leaver.id());
        assertThat(groups.currentMemberships(null, scene.leaver.id(), null)).isEmpty();
        assertThat(transferStatus()).isEqualTo("MOVED");
        assertThat(pledges.latest(scene.leaver.email())).contains(PledgeRegister.Status.ON_RECORD);
    }

    @Test
    @DisplayName("returned with a reason, revised and asked again, then rejected with a reason: nothing moves; "
            + "returned and withdrawn")
    void returnedRevisedRejected() {
        ProcessInstance instance = requested();
        assertThatThrownBy(() -> complete(task(instance, "UserTask_Accept"), stationAdmin,
                Map.of("transferDecision", "return"))).isInstanceOf(UserError.class);
        complete(task(instance, "UserTask_Accept"), stationAdmin, Map.of("transferDecision", "return",
                "transferComment", "異動日を書いてください"));
        assertThat(transferStatus()).isEqualTo("RETURNED");
        Task revise = task(instance, "UserTask_Revise");
        assertThat(revise.getAssignee()).isEqualTo(scene.admin);
        complete(revise, scene.admin, Map.of("reviseDecision", "resubmit", "transferReason", "2027年4月1日付で異動"));
        complete(task(instance, "UserTask_Accept"), stationAdmin, Map.of("transferDecision", "reject",
                "transferComment", "受け入れの枠がない"));
        assertThat(instance).isEnded().hasPassed("Task_CheckRevision", "EndEvent_Rejected");
        assertThat(transferStatus()).isEqualTo("REJECTED");
        assertThat(directory.staff(scene.leaver.id()).orElseThrow().status()).isEqualTo("ACTIVE");

        ProcessInstance withdrawn = requested();
        complete(task(withdrawn, "UserTask_Accept"), stationAdmin, Map.of("transferDecision", "return",
                "transferComment", "確認したい"));
        complete(task(withdrawn, "UserTask_Revise"), scene.admin, Map.of("reviseDecision", "withdraw"));
        assertThat(withdrawn).isEnded().hasPassed("EndEvent_Withdrawn");
        assertThat(transferStatus()).isEqualTo("WITHDRAWN");
    }

    @Test
    @DisplayName("deadline: no decision within 14 days, or no revision: expired, recorded, nothing moves")
    void expired() {
        ProcessInstance undecided = requested();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 15L * 24 * 3600 * 1000));
        runJobs(undecided);
        assertThat(undecided).isEnded().hasPassed("BoundaryTimer_AcceptExpire", "Task_Expired", "EndEvent_Expired");
        assertThat(transferStatus()).isEqualTo("EXPIRED");

        ProcessInstance unrevised = requested();
        complete(task(unrevised, "UserTask_Accept"), stationAdmin, Map.of("transferDecision", "return",
                "transferComment", "確認したい"));
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 15L * 24 * 3600 * 1000));
        runJobs(unrevised);
        assertThat(unrevised).isEnded().hasPassed("BoundaryTimer_ReviseExpire", "EndEvent_Expired");
        assertThat(directory.staff(scene.leaver.id()).orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("bad input: only an MCS administrator of the mover's facility asks, for another person of it, to "
            + "another active facility; only the destination's administrator decides")
    void badInput() {
        assertThatThrownBy(() -> start(scene.coord.userId(), "staff-transfer", Map.of())).isNotNull();
        Fixture withdrawing = Fixture.facility(directory, FacilityKind.CLINIC);
        withdrawing.person("admin", Role.MCS_ADMIN);
        jdbc.sql("UPDATE facility SET status = 'WITHDRAWN' WHERE id = ?").param(withdrawing.facilityId).update();
        ProcessInstance asked = start(scene.admin, "staff-transfer", Map.of());
        Task request = task(asked, "UserTask_Request");
        // people and facilities are chosen from lists: none other is offered, and the gate refuses what was not
        assertThat(optionValues(asked, "moverOptions")).contains(scene.leaver.userId(), scene.coord.userId())
                .doesNotContain(scene.admin, stationAdmin);
        assertThat(optionValues(asked, "destinationOptions")).contains(station.facilityId)
                .doesNotContain(scene.clinic.facilityId, withdrawing.facilityId);
        Map<String, Object> form = new HashMap<>(Map.of("moverUserId", scene.leaver.userId(),
                "destinationFacilityId", station.facilityId, "transferReason", "異動"));
        for (var forged : java.util.List.of(Map.entry("destinationFacilityId", scene.clinic.facilityId),
                Map.entry("destinationFacilityId", withdrawing.facilityId), Map.entry("moverUserId", stationAdmin),
                Map.entry("moverUserId", scene.admin))) {
            Map<String, Object> bad = new HashMap<>(form);
            bad.put(forged.getKey(), forged.getValue());
            assertThatThrownBy(() -> complete(request, scene.admin, bad)).hasMessageContaining("選択肢にない値");
        }
        // offered, but no longer true when the request is completed: the step reads the register again
        jdbc.sql("UPDATE facility SET status = 'WITHDRAWN' WHERE id = ?").param(station.facilityId).update();
        assertThatThrownBy(() -> complete(request, scene.admin, form)).isInstanceOf(UserError.class)
                .hasMessageContaining("異動先は");
        jdbc.sql("UPDATE facility SET status = 'ACTIVE' WHERE id = ?").param(station.facilityId).update();
        assertThat(asked).isWaitingAt("UserTask_Request");
        complete(request, scene.admin, form);
        assertThat(asked).isWaitingAt("UserTask_Accept");
        assertThat(runtimeService.getVariable(asked.getId(), "moverOptions")).as("the staff list once chosen").isNull();

        ProcessInstance instance = requested();
        assertThatThrownBy(() -> complete(task(instance, "UserTask_Accept"), scene.admin,
                Map.of("transferDecision", "accept"))).isNotNull();
        assertThat(instance).isWaitingAt("UserTask_Accept");
    }
}
