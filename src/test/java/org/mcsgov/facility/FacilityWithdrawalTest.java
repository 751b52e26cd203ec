package org.mcsgov.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
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
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.UserError;
import org.mcsgov.staff.OffboardingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("facility-withdrawal (利用終了, A7, A8-5, N1-2): groups handed over or archived, everyone offboarded, "
        + "the office confirms, WITHDRAWN with history")
class FacilityWithdrawalTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private OffboardingFixture scene;

    @Autowired JdbcClient jdbc;

    String office;
    Group clinicGroup;

    @BeforeEach
    void officeAndGroups() {
        scene = OffboardingFixture.clinicWithLeaver(this, groups);
        office = Fixture.facility(directory, FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
        clinicGroup = scene.group(scene.coord, "閉院前の連絡グループ");
        // the leaver is also a member of another facility's group: their offboarding ends it there (N1-3)
        Fixture station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        Staff stationCoord = station.person("coord", Role.COORDINATOR);
        Group stationGroup = groups.requestFreeGroup(station.facilityId, stationCoord.id(), "訪問看護の連絡", "連絡用",
                "test", "fixture");
        groups.activate(stationGroup.id(), "test", "fixture");
        groups.openMembership(stationGroup.id(), scene.leaver.id(), "MEMBER", "test", "test", null, "fixture");
    }

    /** The office starts (the start form only explains) and chooses the clinic from the offered list. */
    private ProcessInstance begin() {
        ProcessInstance instance = start(office, "facility-withdrawal", Map.of());
        complete(chooseTask(instance), office, Map.of("withdrawFacilityId", scene.clinic.facilityId,
                "withdrawalReason", "2027年3月末で閉院"));
        return instance;
    }

    private Task chooseTask(ProcessInstance instance) {
        Task choice = tasks(instance, "UserTask_ChooseFacility").get(0);
        assertThat(choice.getAssignee()).as("the starter chooses").isEqualTo(office);
        return choice;
    }

    private Task groupsTask(ProcessInstance instance) {
        return tasks(instance, "UserTask_Groups").get(0);
    }

    private String status() {
        return jdbc.sql("SELECT status FROM facility WHERE id = ?").param(scene.clinic.facilityId).query(String.class).single();
    }

    private List<String> versions() {
        return jdbc.sql("SELECT change_kind FROM facility_version WHERE facility_id = ? ORDER BY id")
                .param(scene.clinic.facilityId).query(String.class).list();
    }

    @Test
    @DisplayName("withdrawn: not invitable at once; groups first (refused while one is active); every person "
            + "offboarded with the office responsible; confirmed; WITHDRAWN, history kept")
    void withdrawn() {
        ProcessInstance instance = begin();
        assertThat(status()).isEqualTo("WITHDRAWING");
        assertThat(directory.facilityActive(scene.clinic.facilityId)).as("N1-2: its staff are not invited").isFalse();
        assertThatThrownBy(() -> complete(groupsTask(instance), scene.admin, Map.of("groupsDecision", "done")))
                .isInstanceOf(UserError.class).hasMessageContaining(clinicGroup.name());

        groups.archive(clinicGroup.id(), "閉院", scene.admin, "test");
        complete(groupsTask(instance), scene.admin, Map.of("groupsDecision", "done"));
        runAllJobs(instance);
        assertThat(tasks(instance, "UserTask_AcknowledgePledge")).hasSize(3)
                .allMatch(t -> office.equals(t.getAssignee()));
        for (Task release : tasks(instance, "Task_ConfirmMcsAction").stream()
                .filter(t -> "RELEASE_STAFF".equals(taskService.getVariable(t.getId(), "mcsAction"))).toList()) {
            assertThat(release.getAssignee()).isEqualTo(office);
            complete(release, office, Map.of("mcsOutcome", "done"));
        }
        runAllJobs(instance);
        confirmRemovals(instance);
        runAllJobs(instance);
        for (Task acknowledgement : tasks(instance, "UserTask_AcknowledgePledge")) {
            complete(acknowledgement, office, Map.of("acknowledgedBy", "admin", "pledgeAcknowledged", true));
        }
        runAllJobs(instance);

        assertThat(instance).isWaitingAt("UserTask_Confirm");
        Task confirm = tasks(instance, "UserTask_Confirm").get(0);
        assertThat(confirm.getAssignee()).isEqualTo(office);
        assertThatThrownBy(() -> complete(confirm, office, Map.of("withdrawalConfirmed", false)))
                .isInstanceOf(UserError.class);
        complete(confirm, office, Map.of("withdrawalConfirmed", true, "withdrawalComment", "確認済み"));

        assertThat(instance).isEnded().hasPassed("CallActivity_Offboard", "Task_Withdraw", "EndEvent_Withdrawn");
        assertThat(status()).isEqualTo("WITHDRAWN");
        assertThat(versions()).endsWith("WITHDRAWING", "WITHDRAWN");
        for (Staff person : List.of(directory.staffByUserId(scene.admin).orElseThrow(), scene.coord, scene.leaver)) {
            assertThat(directory.staff(person.id()).orElseThrow().status()).isEqualTo("LEFT");
            assertThat(identityService.createUserQuery().userId(person.userId()).count()).isZero();
        }
        assertThat(groups.currentMemberships(null, scene.leaver.id(), null)).isEmpty();
        assertThat(jdbc.sql("SELECT status || ':' || closed_by FROM facility_withdrawal WHERE facility_id = ?")
                .param(scene.clinic.facilityId).query(String.class).single()).isEqualTo("WITHDRAWN:" + office);
    }

    @Test
    @DisplayName("cancelled by the office with a reason (not by the administrator): ACTIVE again, recorded")
    void cancelled() {
        ProcessInstance instance = begin();
        assertThatThrownBy(() -> complete(groupsTask(instance), scene.admin, Map.of("groupsDecision", "cancel",
                "withdrawalComment", "やめる"))).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> complete(groupsTask(instance), office, Map.of("groupsDecision", "cancel")))
                .isInstanceOf(UserError.class);
        complete(groupsTask(instance), office, Map.of("groupsDecision", "cancel", "withdrawalComment", "継続が決まった"));
        assertThat(instance).isEnded().hasPassed("Task_Cancel", "EndEvent_Cancelled");
        assertThat(status()).isEqualTo("ACTIVE");
        assertThat(versions()).endsWith("WITHDRAWING", "REACTIVATED");
        assertThat(directory.staff(scene.coord.id()).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT status FROM facility_withdrawal WHERE facility_id = ?").param(scene.clinic.facilityId)
                .query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("deadline: groups not handed over within 14 days are told to the office; reminders every 3 days")
    void escalated() {
        ProcessInstance instance = begin();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 15L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).hasPassed("BoundaryTimer_Escalate", "Task_Escalate", "Task_RemindOpenTasks")
                .isWaitingAt("UserTask_Groups");
        assertThat((String) runtimeService.getVariable(instance.getId(), "officeNotice")).contains(scene.clinic.facilityId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM facility_withdrawal WHERE facility_id = ? AND escalated_at IS NOT NULL")
                .param(scene.clinic.facilityId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("bad input: only the office starts and nothing is typed at the start; only an ACTIVE facility other "
            + "than the association is offered; an unoffered facility or a forged variable is refused; a facility no "
            + "longer ACTIVE when chosen is refused; another facility's administrator cannot complete the groups task")
    void badInput() {
        assertThatThrownBy(() -> start(office, "facility-withdrawal", Map.of("withdrawFacilityId", scene.clinic.facilityId,
                "withdrawalReason", "x"))).hasMessageContaining("この画面で入力する項目ではありません");
        assertThatThrownBy(() -> start(scene.admin, "facility-withdrawal", Map.of())).isNotNull();
        String association = directory.staffByUserId(office).orElseThrow().facilityId();
        Fixture approved = Fixture.facility(directory, FacilityKind.CLINIC);
        jdbc.sql("UPDATE facility SET status = 'APPROVED' WHERE id = ?").param(approved.facilityId).update();

        ProcessInstance choosing = start(office, "facility-withdrawal", Map.of());
        Task choice = chooseTask(choosing);
        assertThat(optionValues(choosing, "facilityOptions")).contains(scene.clinic.facilityId)
                .doesNotContain(association, approved.facilityId);
        for (var forged : List.of(Map.entry("withdrawFacilityId", "nosuchfacility"),
                Map.entry("withdrawFacilityId", association), Map.entry("withdrawFacilityId", approved.facilityId))) {
            assertThatThrownBy(() -> complete(choice, office, Map.of(forged.getKey(), forged.getValue(),
                    "withdrawalReason", "x"))).hasMessageContaining("選択肢にない値");
        }
        assertThatThrownBy(() -> complete(choice, office, Map.of("withdrawFacilityId", scene.clinic.facilityId,
                "withdrawalReason", "x", "facilityId", association)))
                .hasMessageContaining("この画面で入力する項目ではありません");
        assertThat(choosing).isWaitingAt("UserTask_ChooseFacility");
        assertThat(status()).isEqualTo("ACTIVE");

        // offered, but no longer ACTIVE when the choice is completed: the begin step reads the register again
        ProcessInstance instance = begin();
        assertThatThrownBy(() -> complete(choice, office, Map.of("withdrawFacilityId", scene.clinic.facilityId,
                "withdrawalReason", "x"))).isInstanceOf(UserError.class).hasMessageContaining("利用中の事業所ではありません");
        assertThat(choosing).isWaitingAt("UserTask_ChooseFacility");
        Fixture other = Fixture.facility(directory, FacilityKind.CLINIC);
        String otherAdmin = other.person("admin", Role.MCS_ADMIN).userId();
        assertThatThrownBy(() -> complete(groupsTask(instance), otherAdmin, Map.of("groupsDecision", "done")))
                .isNotNull();
        assertThat(instance).isWaitingAt("UserTask_Groups");
    }
}
