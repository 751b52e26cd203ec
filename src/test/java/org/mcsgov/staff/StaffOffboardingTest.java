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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.device.CheckItem;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.PledgeRegister.Status;
import org.mcsgov.directory.Role;
import org.mcsgov.group.Group;
import org.mcsgov.mcs.McsAction;
import org.mcsgov.platform.UserError;
import org.mcsgov.takeout.Takeout;
import org.mcsgov.takeout.TakeoutService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("staff-offboarding: lock, handover, every membership ended, devices, pledge, MCS, LEFT (N1-3, N3-7, A8-5, A9-1)")
class StaffOffboardingTest extends OffboardingFixtures {

    @Autowired DeviceLoans deviceLoans;
    @Autowired DeviceService devices;
    @Autowired TakeoutService takeouts;
    @Autowired org.mcsgov.home.MyRequests myRequests;
    @Autowired org.mcsgov.home.RequestView requestView;
    @Autowired PledgeRegister pledges;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private long openMemberships() {
        return groups.currentMemberships(null, leaver.id(), null).size();
    }

    private void assertLeft() {
        var left = directory.staff(leaver.id()).orElseThrow();
        assertThat(left.status()).isEqualTo("LEFT");
        assertThat(directory.activeRoles(leaver.id())).isEmpty();
        assertThat(identityService.createUserQuery().userId(leaver.userId()).count()).isZero();
        assertThat(openMemberships()).isZero();
    }

    @Test
    @DisplayName("N1-3, A8-5: locked at once, every membership ended through membership-removal, released in MCS, LEFT")
    void leaverReleased() {
        memberOf(3);
        ProcessInstance instance = offboard("release");
        assertThat(directory.staff(leaver.id()).orElseThrow().status()).isEqualTo("LOCKED");
        assertThat(identityService.checkPassword(leaver.userId(), org.mcsgov.Fixture.PASSWORD)).isFalse();
        assertThat(identityService.createGroupQuery().groupMember(leaver.userId()).count()).isZero();
        assertThat(instance).hasPassed("Task_LockAccount").hasNotPassed("UserTask_Handover");

        runAllJobs(instance);
        assertThat(tasks(instance, "Task_ConfirmMcsAction")).hasSize(4)
                .filteredOn(t -> "REMOVE_MEMBER".equals(taskService.getVariable(t.getId(), "mcsAction"))).hasSize(3)
                .allMatch(t -> coord.userId().equals(t.getAssignee()));
        finish(instance);

        assertThat(instance).isEnded().hasPassed("CallActivity_RemoveMemberships", "CallActivity_ReleaseInMcs",
                "Task_MarkLeft", "EndEvent_Left");
        assertLeft();
        assertThat(groups.currentMemberships(null, null, clinic.facilityId)).noneMatch(m -> m.staffId() == leaver.id());
        assertThat(jdbc.sql("SELECT close_reason FROM membership WHERE staff_id = ?").param(leaver.id())
                .query(String.class).list()).hasSize(3).allMatch(r -> r.startsWith("退職・異動: "));
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("mcsAction")
                .variableValueEquals("mcsAction", "RELEASE_STAFF").list()).isNotEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge WHERE staff_id = ? AND status = 'ACKNOWLEDGED'")
                .param(leaver.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("N1-4: the only coordinator of a group: offboarding waits until the group is handed over")
    void onlyCoordinator() {
        Group own = group(leaver, "退職者が担当のグループ");
        ProcessInstance instance = offboard("withdrawn");
        assertThat(instance).isWaitingAt("UserTask_Handover");
        assertThatThrownBy(() -> complete(tasks(instance, "UserTask_Handover").get(0), admin, Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining(own.name());

        ProcessInstance handover = start(admin, "coordinator-handover", Map.of());
        complete(handover, admin, Map.of("groupId", String.valueOf(own.id()), "successorStaffId",
                String.valueOf(coord.id()), "handoverReason", "担当者の退職"));
        complete(handover, coord.userId(), Map.of("handoverDecision", "accept"));
        assertThat(groups.group(own.id()).orElseThrow().coordinatorStaffId()).isEqualTo(coord.id());

        complete(tasks(instance, "UserTask_Handover").get(0), admin, Map.of());
        finish(instance);
        assertThat(instance).isEnded().hasPassed("Task_CheckHandover", "EndEvent_Left");
        assertLeft();
        assertThat(groups.currentMembers(own.id())).extracting(m -> m.staffId()).containsExactly(coord.id());
    }

    @Test
    @DisplayName("N1-3, N3-7: スタッフ解除 is asked at the start, beside a tablet not yet returned and the pledge; "
            + "confirmed within the day, the revocation time is recorded")
    void revokesFirst() {
        ClockUtil.setCurrentTime(new Date());
        Device tablet = lentToLeaver(clinic.facilityId + "-T9");
        ProcessInstance instance = offboard("release");
        runAllJobs(instance);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(1);
        assertThat(tasks(instance, "UserTask_AcknowledgePledge")).hasSize(1);
        var release = mcsTask(instance, McsAction.RELEASE_STAFF);
        assertThat(release.getDueDate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(24)));

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(3))));
        confirmInMcs(instance, McsAction.RELEASE_STAFF);
        assertThat(jdbc.sql("SELECT elapsed_seconds FROM mcs_action WHERE business_key = ? AND action = 'RELEASE_STAFF'")
                .param("offboarding:" + leaver.id()).query(Long.class).single()).isEqualTo(3 * 3600);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(1);
        assertThat(instance).isActive();

        complete(returnTask(instance, tablet), admin, Map.of("deviceId", String.valueOf(tablet.id()),
                "deviceOutcome", "returned", "deviceCondition", "破損なし"));
        runAllJobs(instance);
        acknowledgePledge(instance);
        runAllJobs(instance);
        assertThat(instance).isEnded().hasPassed("Fork_Offboarding", "Join_Offboarding", "EndEvent_Left");
        assertLeft();
    }

    @Test
    @DisplayName("N3-7: 退会 not confirmed within 8 hours: スタッフ解除 asked instead, still due 24 hours after the decision")
    void withdrawalFallsBackToRelease() {
        ClockUtil.setCurrentTime(new Date());
        var decided = ClockUtil.getCurrentTime().toInstant();
        ProcessInstance instance = offboard("withdrawn");
        runAllJobs(instance);
        assertThat(mcsTask(instance, McsAction.CONFIRM_WITHDRAWAL).getDueDate().toInstant())
                .isEqualTo(decided.plus(Duration.ofHours(24)));

        ClockUtil.setCurrentTime(Date.from(decided.plus(Duration.ofHours(8)).plusSeconds(1)));
        runAllJobs(instance);
        assertThat(instance).hasPassed("BoundaryTimer_WithdrawalWait", "Task_FallBackToRelease");
        assertThat(tasks(instance, "Task_ConfirmMcsAction")).singleElement()
                .satisfies(t -> assertThat(taskService.getVariable(t.getId(), "mcsAction")).isEqualTo("RELEASE_STAFF"))
                .satisfies(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(decided.plus(Duration.ofHours(24))));
        assertThat(jdbc.sql("SELECT outcome FROM mcs_action WHERE business_key = ? AND action = 'CONFIRM_WITHDRAWAL'")
                .param("offboarding:" + leaver.id()).query(String.class).single()).isEqualTo("REPLACED");

        finish(instance);
        assertThat(instance).isEnded().hasPassed("CallActivity_ReleaseFallback", "EndEvent_Left");
        assertLeft();
    }

    private Device lentToLeaver(String asset) {
        Device device = devices.register(clinic.facilityId, "TABLET", asset, "タブレット", "FACILITY", null, "test", "fixture");
        devices.recordCheck(device.id(), CheckItem.answeredAll("YES"), null, "test", "fixture");
        devices.lend(device.id(), leaver.id(), "test", "fixture");
        return device;
    }

    private long incidentsFor(long deviceId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("incident-report")
                .variableValueEquals("deviceId", deviceId).count();
    }

    @Test
    @DisplayName("A9-1, N3-10: every device on loan in the register: one device-return each; one returned, one not returned → LOST and an incident report")
    void devicesReturned() {
        Device tablet = lentToLeaver(clinic.facilityId + "-T1");
        Device phone = lentToLeaver(clinic.facilityId + "-P1");
        assertThat(deviceLoans.onLoan(leaver.id())).containsExactlyInAnyOrder(tablet.id(), phone.id());
        ProcessInstance instance = offboard("release");
        runAllJobs(instance);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(2).allMatch(t -> t.getDueDate() != null);
        complete(returnTask(instance, tablet), admin, Map.of("deviceId", String.valueOf(tablet.id()),
                "deviceOutcome", "returned", "deviceCondition", "破損なし"));
        runAllJobs(instance);
        complete(returnTask(instance, phone), admin, Map.of("deviceId", String.valueOf(phone.id()), "deviceOutcome", "lost",
                "deviceCondition", "本人が紛失したと申告"));
        runAllJobs(instance);
        assertThat(devices.device(tablet.id()).orElseThrow().state()).isEqualTo("IN_USE");
        assertThat(devices.device(phone.id()).orElseThrow().state()).isEqualTo("LOST");
        assertThat(incidentsFor(phone.id())).isEqualTo(1);
        assertThat(deviceLoans.onLoan(leaver.id())).isEmpty();
        complete(tasks(instance, "UserTask_AcknowledgePledge").get(0), admin,
                Map.of("acknowledgedBy", "person", "pledgeAcknowledged", true));
        runAllJobs(instance);
        confirmInMcs(instance, McsAction.RELEASE_STAFF);
        runAllJobs(instance);
        assertThat(instance).isEnded().hasPassed("CallActivity_ReturnDevice");
        assertLeft();
    }

    @Test
    @DisplayName("A12-9 (issue 15): a take-out still out keeps the leaver from LEFT until it is returned; then LEFT")
    void takeoutOutBlocksLeft() {
        Device tablet = devices.register(clinic.facilityId, "TABLET", clinic.facilityId + "-TO1", "タブレット",
                "FACILITY", null, "test", "fixture");
        devices.recordCheck(tablet.id(), CheckItem.answeredAll("YES"), null, "test", "fixture");
        long takeout = takeouts.save(null, clinic.facilityId, leaver.id(), tablet.id(), "訪問記録", "訪問看護",
                "患者宅", java.time.LocalDate.now(), java.time.LocalDate.now().plusDays(1), "fixture");
        takeouts.approved(takeout, admin);

        ProcessInstance instance = offboard("release");
        finish(instance);
        assertThat(instance).isWaitingAt("Timer_WaitTakeouts").hasNotPassed("Task_MarkLeft");
        assertThat(directory.staff(leaver.id()).orElseThrow().status()).isEqualTo("LOCKED");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(61).toMillis()));
        runAllJobs(instance);
        assertThat(instance).as("checked again, still out").isWaitingAt("Timer_WaitTakeouts");

        takeouts.close(takeout, Takeout.State.BACK, null, "破損なし", admin);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(61).toMillis()));
        runAllJobs(instance);
        assertThat(instance).isEnded().hasPassed("Task_CheckTakeouts", "Task_MarkLeft");
        assertLeft();
    }

    @Test
    @DisplayName("issue 15: the administrator's 申請一覧 shows her offboarding waiting on another facility's "
            + "coordinator, with that coordinator's name")
    void administratorSeesWhereItWaits() {
        org.mcsgov.Fixture station = org.mcsgov.Fixture.facility(directory,
                org.mcsgov.directory.FacilityKind.VISITING_NURSE);
        var stationCoord = station.person("coord", Role.COORDINATOR);
        Group stationGroup = group(groups, station.facilityId, stationCoord, "訪問看護 連絡");
        groups.openMembership(stationGroup.id(), leaver.id(), "MEMBER", "test", "test", null, "fixture");
        ProcessInstance instance = offboard("release");
        runAllJobs(instance);
        confirmInMcs(instance, McsAction.RELEASE_STAFF);
        acknowledgePledge(instance);
        runAllJobs(instance);
        assertThat(tasks(instance, "Task_ConfirmMcsAction")).singleElement()
                .matches(t -> stationCoord.userId().equals(t.getAssignee()));

        as(admin);
        var mine = requestView.of(myRequests.rows()).stream()
                .filter(r -> ("offboarding:" + leaver.id()).equals(r.businessKey())).findFirst().orElseThrow();
        assertThat(mine.state()).isEqualTo("進行中");
        assertThat(mine.holder()).isEqualTo(stationCoord.name());
        assertThat(mine.next()).isNotBlank();
    }

    /** Each device has its own return task, which offers only that device. */
    private org.camunda.bpm.engine.task.Task returnTask(ProcessInstance instance, Device device) {
        return tasks(instance, "UserTask_Return").stream()
                .filter(t -> String.valueOf(device.id()).equals(String.valueOf(taskService.getVariable(t.getId(), "deviceId"))))
                .findFirst().orElseThrow();
    }

    @Test
    @DisplayName("A9-1, N3-10: a device not returned by the due date: an incident report, the return task stays until it is back")
    void deviceOverdue() {
        Device tablet = lentToLeaver(clinic.facilityId + "-T2");
        ProcessInstance instance = offboard("release");
        runAllJobs(instance);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
        runAllJobs(instance);
        assertThat(incidentsFor(tablet.id())).isEqualTo(1);
        assertThat(tasks(instance, "UserTask_Return")).hasSize(1);
        complete(tasks(instance, "UserTask_Return").get(0), admin, Map.of("deviceId", String.valueOf(tablet.id()),
                "deviceOutcome", "returned", "deviceCondition", "遅れて返却"));
        runAllJobs(instance);
        assertThat(tasks(instance, "UserTask_Return")).isEmpty();
        assertThat(instance).isWaitingAt("UserTask_AcknowledgePledge");
    }

    @Test
    @DisplayName("A8-5: a mover leaves the old facility with the new one recorded; a new registration there is linked")
    void mover() {
        var station = org.mcsgov.Fixture.facility(directory, org.mcsgov.directory.FacilityKind.VISITING_NURSE);
        ProcessInstance instance = offboard(Map.of("leaverUserId", leaver.userId(),
                "offboardingReason", "異動", "mcsExit", "release", "moveToFacilityId", station.facilityId));
        finish(instance);
        assertThat(jdbc.sql("SELECT moved_to_facility_id FROM staff WHERE id = ?").param(leaver.id())
                .query(String.class).single()).isEqualTo(station.facilityId);
        var joiner = station.person("joiner");
        assertThat(joiner.email()).isNotEqualTo(leaver.email());
        var again = directory.registerPending(new org.mcsgov.directory.NewStaff(station.facilityId,
                station.user("moved"), leaver.name(), leaver.kana(), leaver.profession(), leaver.email(), null,
                java.util.Set.of()), null);
        assertThat(jdbc.sql("SELECT previous_staff_id FROM staff WHERE id = ?").param(again.id())
                .query(Long.class).single()).isEqualTo(leaver.id());
    }

    @Test
    @DisplayName("bad input: only the facility's MCS administrator, an active person of the facility, not oneself")
    void badInput() {
        // a person's start sends nothing: the leaver is chosen from the lists, not typed
        assertThatThrownBy(() -> start(admin, "staff-offboarding", Map.of("leaverUserId", leaver.userId(),
                "offboardingReason", "退職", "mcsExit", "release"))).hasMessageContaining("この画面で入力する項目ではありません");
        assertThatThrownBy(() -> start(coord.userId(), "staff-offboarding", Map.of())).isInstanceOf(RuntimeException.class);
        ProcessInstance choosing = start(admin, "staff-offboarding", Map.of());
        Task choice = tasks(choosing, "UserTask_ChooseLeaver").get(0);
        assertThat(optionValues(choosing, "leaverOptions")).contains(leaver.userId(), coord.userId()).doesNotContain(admin);
        assertThat(optionValues(choosing, "moveToOptions")).doesNotContain(clinic.facilityId);
        for (var forged : List.of(Map.entry("leaverUserId", "nobody"), Map.entry("leaverUserId", admin),
                Map.entry("moveToFacilityId", "nowhere"), Map.entry("moveToFacilityId", clinic.facilityId))) {
            Map<String, Object> form = new java.util.HashMap<>(Map.of("leaverUserId", leaver.userId(),
                    "offboardingReason", "退職", "mcsExit", "release"));
            form.put(forged.getKey(), forged.getValue());
            assertThatThrownBy(() -> complete(choice, admin, form)).hasMessageContaining("選択肢にない値");
        }
        // offered, but no longer active when the choice is completed: the lock step reads the register again
        directory.lock(coord.id());
        assertThatThrownBy(() -> complete(choice, admin, Map.of("leaverUserId", coord.userId(),
                "offboardingReason", "退職", "mcsExit", "release"))).isInstanceOf(UserError.class);
        assertThat(choosing).isWaitingAt("UserTask_ChooseLeaver");
        runtimeService.deleteProcessInstance(choosing.getId(), "test: nothing chosen");
        assertThat(directory.staff(leaver.id()).orElseThrow().isActive()).isTrue();

        ProcessInstance instance = offboard("release");
        assertThatThrownBy(() -> offboard("release")).isInstanceOf(UserError.class);
        runAllJobs(instance);
        assertThatThrownBy(() -> complete(tasks(instance, "UserTask_AcknowledgePledge").get(0), admin,
                Map.of("acknowledgedBy", "admin"))).isInstanceOf(UserError.class);
        assertThat(directory.activeRoles(leaver.id())).contains(Role.STAFF);
    }

    @Test
    @DisplayName("N1-3: 100 groups, the engine crashing in the middle (uncommitted jobs and confirmations): every membership closed exactly once")
    void manyGroupsWithCrash() {
        memberOf(100);
        ProcessInstance instance = offboard("release");
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
        finish(instance);

        assertThat(instance).isEnded();
        assertLeft();
        assertThat(jdbc.sql(MEMBERSHIPS_CLOSED_ONCE).param(leaver.id()).query(Long.class).single()).isEqualTo(100);
        assertThat(pledges.latest(leaver.email())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge WHERE staff_id = ? AND status = ?")
                .params(leaver.id(), Status.ACKNOWLEDGED.name()).query(Long.class).single()).isEqualTo(1);
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
