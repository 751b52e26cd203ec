package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.PledgeRegister.Status;
import org.mcsgov.directory.Role;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.mcs.McsAction;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("staff-offboarding: lock, handover, every membership ended, devices, pledge, MCS, LEFT (N1-3, N3-7, A8-5, A9-1)")
class StaffOffboardingTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private OffboardingFixture scene;

    @BeforeEach
    void clinicWithLeaver() {
        scene = OffboardingFixture.clinicWithLeaver(this, groups);
    }

    @Autowired DeviceService devices;
    @Autowired org.mcsgov.home.MyRequests myRequests;
    @Autowired org.mcsgov.home.RequestView requestView;
    @Autowired PledgeRegister pledges;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private long openMemberships() {
        return groups.currentMemberships(null, scene.leaver.id(), null).size();
    }

    @Test
    @DisplayName("N1-3, A8-5: locked at once, every membership ended through membership-removal, released in MCS, LEFT")
    void leaverReleased() {
        scene.memberOf(3);
        ProcessInstance instance = scene.offboard("release");
        assertThat(directory.staff(scene.leaver.id()).orElseThrow().status()).isEqualTo("LOCKED");
        assertThat(identityService.checkPassword(scene.leaver.userId(), org.mcsgov.Fixture.PASSWORD)).isFalse();
        assertThat(identityService.createGroupQuery().groupMember(scene.leaver.userId()).count()).isZero();
        assertThat(instance).hasPassed("Task_LockAccount").hasNotPassed("UserTask_Handover");

        runAllJobs(instance);
        assertThat(tasks(instance, "Task_ConfirmMcsAction")).hasSize(4)
                .filteredOn(t -> "REMOVE_MEMBER".equals(taskService.getVariable(t.getId(), "mcsAction"))).hasSize(3)
                .allMatch(t -> scene.coord.userId().equals(t.getAssignee()));
        scene.finish(instance);

        assertThat(instance).isEnded().hasPassed("CallActivity_RemoveMemberships", "CallActivity_ReleaseInMcs",
                "Task_MarkLeft", "EndEvent_Left");
        scene.assertLeft();
        assertThat(groups.currentMemberships(null, null, scene.clinic.facilityId)).noneMatch(m -> m.staffId() == scene.leaver.id());
        assertThat(jdbc.sql("SELECT close_reason FROM membership WHERE staff_id = ?").param(scene.leaver.id())
                .query(String.class).list()).hasSize(3).allMatch(r -> r.startsWith("退職・異動: "));
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("mcsAction")
                .variableValueEquals("mcsAction", "RELEASE_STAFF").list()).isNotEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge WHERE staff_id = ? AND status = 'ACKNOWLEDGED'")
                .param(scene.leaver.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("N1-4: the only coordinator of a group: offboarding waits until the group is handed over")
    void onlyCoordinator() {
        Group own = scene.group(scene.leaver, "退職者が担当のグループ");
        ProcessInstance instance = scene.offboard("withdrawn");
        assertThat(instance).isWaitingAt("UserTask_Handover");
        assertThatThrownBy(() -> complete(tasks(instance, "UserTask_Handover").get(0), scene.admin, Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining(own.name());

        ProcessInstance handover = start(scene.admin, "coordinator-handover", Map.of());
        complete(handover, scene.admin, Map.of("groupId", String.valueOf(own.id()), "successorStaffId",
                String.valueOf(scene.coord.id()), "handoverReason", "担当者の退職"));
        complete(handover, scene.coord.userId(), Map.of("handoverDecision", "accept"));
        assertThat(groups.group(own.id()).orElseThrow().coordinatorStaffId()).isEqualTo(scene.coord.id());

        complete(tasks(instance, "UserTask_Handover").get(0), scene.admin, Map.of());
        scene.finish(instance);
        assertThat(instance).isEnded().hasPassed("Task_CheckHandover", "EndEvent_Left");
        scene.assertLeft();
        assertThat(groups.currentMembers(own.id())).extracting(m -> m.staffId()).containsExactly(scene.coord.id());
    }

    @Test
    @DisplayName("N1-3, N3-7: スタッフ解除 is asked at the start, beside a tablet not yet returned and the pledge; "
            + "confirmed within the day, the revocation time is recorded")
    void revokesFirst() {
        ClockUtil.setCurrentTime(new Date());
        Device tablet = scene.lentToLeaver(devices, scene.clinic.facilityId + "-T9");
        ProcessInstance instance = scene.offboard("release");
        runAllJobs(instance);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(1);
        assertThat(tasks(instance, "UserTask_AcknowledgePledge")).hasSize(1);
        var release = scene.mcsTask(instance, McsAction.RELEASE_STAFF);
        assertThat(release.getDueDate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(24)));

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(3))));
        scene.confirmInMcs(instance, McsAction.RELEASE_STAFF);
        assertThat(jdbc.sql("SELECT elapsed_seconds FROM mcs_action WHERE business_key = ? AND action = 'RELEASE_STAFF'")
                .param("offboarding:" + scene.leaver.id()).query(Long.class).single()).isEqualTo(3 * 3600);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(1);
        assertThat(instance).isActive();

        complete(scene.returnTask(instance, tablet), scene.admin, Map.of("deviceId", String.valueOf(tablet.id()),
                "deviceOutcome", "returned", "deviceCondition", "破損なし"));
        runAllJobs(instance);
        scene.acknowledgePledge(instance);
        runAllJobs(instance);
        assertThat(instance).isEnded().hasPassed("Fork_Offboarding", "Join_Offboarding", "EndEvent_Left");
        scene.assertLeft();
    }

    @Test
    @DisplayName("N3-7: 退会 not confirmed within 8 hours: スタッフ解除 asked instead, still due 24 hours after the decision")
    void withdrawalFallsBackToRelease() {
        ClockUtil.setCurrentTime(new Date());
        var decided = ClockUtil.getCurrentTime().toInstant();
        ProcessInstance instance = scene.offboard("withdrawn");
        runAllJobs(instance);
        assertThat(scene.mcsTask(instance, McsAction.CONFIRM_WITHDRAWAL).getDueDate().toInstant())
                .isEqualTo(decided.plus(Duration.ofHours(24)));

        ClockUtil.setCurrentTime(Date.from(decided.plus(Duration.ofHours(8)).plusSeconds(1)));
        runAllJobs(instance);
        assertThat(instance).hasPassed("BoundaryTimer_WithdrawalWait", "Task_FallBackToRelease");
        assertThat(tasks(instance, "Task_ConfirmMcsAction")).singleElement()
                .satisfies(t -> assertThat(taskService.getVariable(t.getId(), "mcsAction")).isEqualTo("RELEASE_STAFF"))
                .satisfies(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(decided.plus(Duration.ofHours(24))));
        assertThat(jdbc.sql("SELECT outcome FROM mcs_action WHERE business_key = ? AND action = 'CONFIRM_WITHDRAWAL'")
                .param("offboarding:" + scene.leaver.id()).query(String.class).single()).isEqualTo("REPLACED");

        scene.finish(instance);
        assertThat(instance).isEnded().hasPassed("CallActivity_ReleaseFallback", "EndEvent_Left");
        scene.assertLeft();
    }

    @Test
    @DisplayName("issue 15: the administrator's 申請一覧 shows her offboarding waiting on another facility's "
            + "coordinator, with that coordinator's name")
    void administratorSeesWhereItWaits() {
        org.mcsgov.Fixture station = org.mcsgov.Fixture.facility(directory,
                org.mcsgov.directory.FacilityKind.VISITING_NURSE);
        var stationCoord = station.person("coord", Role.COORDINATOR);
        Group stationGroup = OffboardingFixture.group(groups, station.facilityId, stationCoord, "訪問看護 連絡");
        groups.openMembership(stationGroup.id(), scene.leaver.id(), "MEMBER", "test", "test", null, "fixture");
        ProcessInstance instance = scene.offboard("release");
        runAllJobs(instance);
        scene.confirmInMcs(instance, McsAction.RELEASE_STAFF);
        scene.acknowledgePledge(instance);
        runAllJobs(instance);
        assertThat(tasks(instance, "Task_ConfirmMcsAction")).singleElement()
                .matches(t -> stationCoord.userId().equals(t.getAssignee()));

        as(scene.admin);
        var mine = requestView.of(myRequests.rows()).stream()
                .filter(r -> ("offboarding:" + scene.leaver.id()).equals(r.businessKey())).findFirst().orElseThrow();
        assertThat(mine.state()).isEqualTo("進行中");
        assertThat(mine.holder()).isEqualTo(stationCoord.name());
        assertThat(mine.next()).isNotBlank();
    }

    @Test
    @DisplayName("A8-5: a mover leaves the old facility with the new one recorded; a new registration there is linked")
    void mover() {
        var station = org.mcsgov.Fixture.facility(directory, org.mcsgov.directory.FacilityKind.VISITING_NURSE);
        ProcessInstance instance = scene.offboard(Map.of("leaverUserId", scene.leaver.userId(),
                "offboardingReason", "異動", "mcsExit", "release", "moveToFacilityId", station.facilityId));
        scene.finish(instance);
        assertThat(jdbc.sql("SELECT moved_to_facility_id FROM staff WHERE id = ?").param(scene.leaver.id())
                .query(String.class).single()).isEqualTo(station.facilityId);
        var joiner = station.person("joiner");
        assertThat(joiner.email()).isNotEqualTo(scene.leaver.email());
        var again = directory.registerPending(new org.mcsgov.directory.NewStaff(station.facilityId,
                station.user("moved"), scene.leaver.name(), scene.leaver.kana(), scene.leaver.profession(), scene.leaver.email(), null,
                java.util.Set.of()), null);
        assertThat(jdbc.sql("SELECT previous_staff_id FROM staff WHERE id = ?").param(again.id())
                .query(Long.class).single()).isEqualTo(scene.leaver.id());
    }

    @Test
    @DisplayName("bad input: only the facility's MCS administrator, an active person of the facility, not oneself")
    void badInput() {
        // a person's start sends nothing: the leaver is chosen from the lists, not typed
        assertThatThrownBy(() -> start(scene.admin, "staff-offboarding", Map.of("leaverUserId", scene.leaver.userId(),
                "offboardingReason", "退職", "mcsExit", "release"))).hasMessageContaining("この画面で入力する項目ではありません");
        assertThatThrownBy(() -> start(scene.coord.userId(), "staff-offboarding", Map.of())).isInstanceOf(RuntimeException.class);
        ProcessInstance choosing = start(scene.admin, "staff-offboarding", Map.of());
        Task choice = tasks(choosing, "UserTask_ChooseLeaver").get(0);
        assertThat(optionValues(choosing, "leaverOptions")).contains(scene.leaver.userId(), scene.coord.userId()).doesNotContain(scene.admin);
        assertThat(optionValues(choosing, "moveToOptions")).doesNotContain(scene.clinic.facilityId);
        for (var forged : List.of(Map.entry("leaverUserId", "nobody"), Map.entry("leaverUserId", scene.admin),
                Map.entry("moveToFacilityId", "nowhere"), Map.entry("moveToFacilityId", scene.clinic.facilityId))) {
            Map<String, Object> form = new java.util.HashMap<>(Map.of("leaverUserId", scene.leaver.userId(),
                    "offboardingReason", "退職", "mcsExit", "release"));
            form.put(forged.getKey(), forged.getValue());
            assertThatThrownBy(() -> complete(choice, scene.admin, form)).hasMessageContaining("選択肢にない値");
        }
        // offered, but no longer active when the choice is completed: the lock step reads the register again
        directory.lock(scene.coord.id());
        assertThatThrownBy(() -> complete(choice, scene.admin, Map.of("leaverUserId", scene.coord.userId(),
                "offboardingReason", "退職", "mcsExit", "release"))).isInstanceOf(UserError.class);
        assertThat(choosing).isWaitingAt("UserTask_ChooseLeaver");
        runtimeService.deleteProcessInstance(choosing.getId(), "test: nothing chosen");
        assertThat(directory.staff(scene.leaver.id()).orElseThrow().isActive()).isTrue();

        ProcessInstance instance = scene.offboard("release");
        assertThatThrownBy(() -> scene.offboard("release")).isInstanceOf(UserError.class);
        runAllJobs(instance);
        assertThatThrownBy(() -> complete(tasks(instance, "UserTask_AcknowledgePledge").get(0), scene.admin,
                Map.of("acknowledgedBy", "admin"))).isInstanceOf(UserError.class);
        assertThat(directory.activeRoles(scene.leaver.id())).contains(Role.STAFF);
    }

    @Test
    @DisplayName("N1-3: 100 groups, the engine crashing in the middle (uncommitted jobs and confirmations): every membership closed exactly once")
    void manyGroupsWithCrash() {
        scene.memberOf(100);
        ProcessInstance instance = scene.offboard("release");
        var management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())   // 100 instance jobs
                .activityId("CallActivity_RemoveMemberships#multiInstanceBody").singleResult().getId());
        var started = management.createJobQuery().processInstanceId(instance.getId())
                .activityId("CallActivity_RemoveMemberships").list();
        assertThat(started).hasSize(100);
        started.subList(0, 40).forEach(j -> management.executeJob(j.getId()));
        crash(() -> started.subList(40, 60).forEach(j -> management.executeJob(j.getId())));
        runAllJobs(instance);
        var confirmations = tasks(instance, "Task_ConfirmMcsAction").stream()
                .filter(t -> "REMOVE_MEMBER".equals(taskService.getVariable(t.getId(), "mcsAction"))).toList();
        assertThat(confirmations).hasSize(100);
        crash(() -> confirmations.subList(0, 30).forEach(t -> taskService.complete(t.getId(), Map.of("mcsOutcome", "done"))));
        assertThat(openMemberships()).isEqualTo(100);
        confirmations.subList(0, 50).forEach(t -> taskService.complete(t.getId(), Map.of("mcsOutcome", "done")));
        scene.finish(instance);

        assertThat(instance).isEnded();
        scene.assertLeft();
        assertThat(jdbc.sql(OffboardingFixture.MEMBERSHIPS_CLOSED_ONCE).param(scene.leaver.id()).query(Long.class).single()).isEqualTo(100);
        assertThat(pledges.latest(scene.leaver.email())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge WHERE staff_id = ? AND status = ?")
                .params(scene.leaver.id(), Status.ACKNOWLEDGED.name()).query(Long.class).single()).isEqualTo(1);
    }

    /** The engine dies before the work commits: everything done inside is rolled back, as after a restart. */
    private void crash(Runnable work) {
        var template = new TransactionTemplate(transactions);
        template.executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }
}
