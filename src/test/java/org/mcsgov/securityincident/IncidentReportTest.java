package org.mcsgov.securityincident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceFixture;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;

@DisplayName("incident-report: report, triage within the deadline, instructions acknowledged, actions recorded, closed with a summary (N3-10, N3-11, N2-2)")
class IncidentReportTest extends ProcessTestSupport {

    @Autowired DeviceService devices;
    private DeviceFixture scene;

    @Autowired IncidentService incidents;
    @Autowired IncidentController controller;
    @Autowired GroupService groups;
    @Autowired PatientService patients;

    Staff suspect;
    Fixture clinic;
    String office;
    Group clinicGroup;

    /** The suspect is a member of a patient group of a clinic (the originating facility to be informed). */
    @BeforeEach
    void suspectInAClinicGroup() {
        scene = DeviceFixture.stationWithStaff(this, devices);
        suspect = scene.station.person("suspect");
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        Staff coord = clinic.person("coord", Role.COORDINATOR);
        clinic.person("admin", Role.MCS_ADMIN);
        var patient = patients.registerOrFind(clinic.facilityId, "患者 一郎", "カンジャ イチロウ", LocalDate.of(1940, 1, 1), "test");
        clinicGroup = groups.requestPatientGroup(patient.id(), clinic.facilityId, coord.id(), "患者 一郎様", null, false,
                "test", "fixture");
        groups.activate(clinicGroup.id(), "test", "fixture");
        groups.openMembership(clinicGroup.id(), suspect.id(), "MEMBER", "test", "test", null, "fixture");
        office = Fixture.facility(directory, FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
    }

    private ProcessInstance report(String kind, Long deviceId, Long affected) {
        ProcessInstance instance = start(scene.nurse.userId(), "incident-report", Map.of());
        Map<String, Object> form = new HashMap<>(Map.of("incidentKind", kind, "incidentDescription",
                "見覚えのないログイン通知が届いた", "occurredAt", "2026-11-27 09:10"));
        if (deviceId != null) {
            form.put("deviceId", String.valueOf(deviceId));
        }
        if (affected != null) {
            form.put("affectedStaffId", String.valueOf(affected));
        }
        complete(instance, scene.nurse.userId(), form);
        return instance;
    }

    private void triage(ProcessInstance instance, String by) {
        complete(instance, by, Map.of("severity", "HIGH", "instructions", "パスワードを変更し、端末の使用を止めてください"));
    }

    private void act(ProcessInstance instance, String action, Map<String, Object> more) {
        Map<String, Object> form = new HashMap<>(more);
        form.put("incidentAction", action);
        complete(instance, scene.admin, form);
        runJobs(instance);
    }

    private Incident incident(ProcessInstance instance) {
        return incidents.incident((Long) scene.variable(instance, "incidentId")).orElseThrow();
    }

    @Test
    @DisplayName("N3-11, N2-2: unauthorised access: triaged, acknowledged, account locked through user-suspension, office and originating facility informed, closed with a summary")
    void unauthorisedAccessLockedInformedClosed() {
        ProcessInstance instance = report("UNAUTHORISED_ACCESS", null, suspect.id());
        Incident reported = incident(instance);
        assertThat(reported.state()).isEqualTo("REPORTED");
        assertThat(reported.reportedBy()).isEqualTo(scene.nurse.userId());
        assertThat(instance).isWaitingAt("UserTask_Triage");
        assertThat(visibleTasks(instance, scene.manager)).as("not escalated yet").isZero();

        triage(instance, scene.admin);
        assertThat(incident(instance).state()).isEqualTo("TRIAGED");
        assertThat(instance).isWaitingAt("UserTask_Acknowledge", "UserTask_Action");

        act(instance, "lock", Map.of("actionNote", "不正アクセスの疑い"));
        ProcessInstance suspension = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult();
        assertThat(suspension).hasPassed("Task_CheckRequest", "Task_Suspend").hasNotPassed("UserTask_Request");
        assertThat(identityService.checkPassword(suspect.userId(), Fixture.PASSWORD)).as("locked at once").isFalse();
        assertThat(directory.staff(suspect.id()).orElseThrow().status()).isEqualTo("SUSPENDED");
        runJobs(suspension);
        complete(suspension, scene.admin, Map.of("mcsOutcome", "done"));   // N2-2: the account stopped in MCS too
        assertThat(suspension).isWaitingAt("UserTask_Decide").hasPassed("CallActivity_SuspendInMcs");
        complete(instance, scene.admin, Map.of("suspensionDecision", "lift", "decisionReason", "本人ではないことを確認"));
        runJobs(suspension);
        complete(suspension, scene.admin, Map.of("mcsOutcome", "done"));   // and restored there
        assertThat(instance).isWaitingAt("UserTask_Acknowledge", "UserTask_Action");

        act(instance, "inform", Map.of());
        assertThat(incidents.notices(reported.id())).extracting(Incident.Notice::recipient)
                .containsExactly("office", clinic.facilityId);
        assertThat(incidents.notices(reported.id()).get(1).groupsConcerned()).isEqualTo("患者 一郎様");
        as(clinic.user("coord"));
        assertThat(controller.incident(reported.id()).actions()).extracting(Incident.Action::action)
                .contains("INSTRUCTED", "LOCK_ACCOUNT", "INFORMED");
        identityService.clearAuthentication(); // as() reads the next user's groups with the engine's authorization
        as(office);
        assertThat(controller.incidentsOf(scene.station.facilityId)).extracting(Incident::id).contains(reported.id());
        identityService.clearAuthentication();
        as(scene.station.user("suspect"));
        assertThatThrownBy(() -> controller.incident(reported.id())).isInstanceOf(ResponseStatusException.class);
        identityService.clearAuthentication();

        assertThatThrownBy(() -> act(instance, "close", Map.of())).isInstanceOf(UserError.class);
        act(instance, "close", Map.of("incidentSummary", "原因: 使い回したパスワード。対策: 変更と研修"));
        assertThat(instance).isWaitingAt("UserTask_Acknowledge").hasPassed("Gateway_Action");
        complete(instance, scene.nurse.userId(), Map.of("instructionsAcknowledged", true));
        assertThat(instance).isEnded().hasPassed("Task_Close", "EndEvent_Closed");
        assertThat(incident(instance)).satisfies(i -> {
            assertThat(i.state()).isEqualTo("CLOSED");
            assertThat(i.summary()).contains("対策");
            assertThat(i.acknowledgedAt()).isNotNull();
            assertThat(i.closedBy()).isEqualTo(scene.admin);
        });
    }

    @Test
    @DisplayName("N3-10, A12-6: a lost device: marked lost, remote wipe requested and confirmed, closed")
    void lostDeviceWiped() {
        Device phone = scene.lentTo(scene.nurse, "NS-IR-" + System.nanoTime() % 100000);
        ProcessInstance instance = report("LOST_DEVICE", phone.id(), null);
        triage(instance, scene.admin);
        complete(instance, scene.nurse.userId(), Map.of("instructionsAcknowledged", true, "acknowledgementComment", "了解しました"));
        act(instance, "lost", Map.of());
        assertThat(scene.state(phone.id())).isEqualTo("LOST");
        assertThat(devices.onLoanTo(scene.nurse.id())).isEmpty();
        act(instance, "wipe", Map.of("actionNote", "MDMから消去を実行"));
        assertThat(instance).isWaitingAt("UserTask_ConfirmWipe");
        assertThatThrownBy(() -> complete(instance, scene.admin, Map.of("wipeOutcome", "done"))).isInstanceOf(UserError.class);
        complete(instance, scene.admin, Map.of("wipeOutcome", "done", "wipeComment", "MDMの画面で消去完了を確認"));
        act(instance, "close", Map.of("incidentSummary", "原因: 訪問先での置き忘れ。対策: 端末ストラップ"));
        assertThat(instance).isEnded();
        assertThat(incidents.actions(incident(instance).id())).extracting(Incident.Action::action)
                .containsExactly("INSTRUCTED", "ACKNOWLEDGED", "DEVICE_LOST", "WIPE_REQUESTED", "WIPE_DONE", "CLOSED");
    }

    @Test
    @DisplayName("N3-10: not triaged within the deadline: escalated to the facility manager, who triages")
    void triageEscalated() {
        ProcessInstance instance = report("ANOMALY", null, null);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
        scene.runAllDueJobs();
        assertThat(instance).hasPassed("Task_EscalateTriage", "EndEvent_TriageEscalated").isWaitingAt("UserTask_Triage");
        assertThat(incident(instance).escalatedAt()).isNotNull();
        assertThat(visibleTasks(instance, scene.manager)).isEqualTo(1);
        triage(instance, scene.manager);
        assertThat(incident(instance).triagedBy()).isEqualTo(scene.manager);
    }

    @Test
    @DisplayName("N2-2: the association office reads every report and its tasks, and completes none")
    void officeReadOnly() {
        ProcessInstance instance = report("ANOMALY", null, null);
        assertThat(visibleTasks(instance, office)).isEqualTo(1);
        var task = singleTask(instance, office);
        as(office);
        try {
            assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("severity", "LOW", "instructions", "x")))
                    .isInstanceOf(AuthorizationException.class);
            assertThat(controller.incident(incident(instance).id()).incident().state()).isEqualTo("REPORTED");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(instance).isWaitingAt("UserTask_Triage");
    }

    @Test
    @DisplayName("bad input: a lost device names the device; what and when; actions need their account or device; instructions and acknowledgement required")
    void badInput() {
        long otherFacilitysPerson = clinic.person("other").id(); // registered before the form offers its staff list
        ProcessInstance instance = start(scene.nurse.userId(), "incident-report", Map.of());
        assertThatThrownBy(() -> complete(instance, scene.nurse.userId(), Map.of("incidentKind", "LOST_DEVICE",
                "incidentDescription", "紛失", "occurredAt", "今朝"))).isInstanceOf(UserError.class).hasMessageContaining("端末");
        assertThatThrownBy(() -> complete(instance, scene.nurse.userId(), Map.of("incidentKind", "ANOMALY",
                "occurredAt", "今朝"))).isInstanceOf(UserError.class);
        Device elsewhere = devices.register(clinic.facilityId, "PC", "CL-1", "PC", "FACILITY", null, "test", "fixture");
        assertThatThrownBy(() -> complete(instance, scene.nurse.userId(), Map.of("incidentKind", "LOST_DEVICE",
                "incidentDescription", "紛失", "occurredAt", "今朝", "deviceId", String.valueOf(elsewhere.id()))))
                .isInstanceOf(UserError.class);
        // another facility's person is not among the accounts offered: refused by the input gate
        assertThatThrownBy(() -> complete(instance, scene.nurse.userId(), Map.of("incidentKind", "ANOMALY",
                "incidentDescription", "画面が固まる", "occurredAt", "今朝",
                "affectedStaffId", String.valueOf(otherFacilitysPerson)))).isInstanceOf(UserError.class)
                .hasMessageContaining("選択肢にない");
        complete(instance, scene.nurse.userId(), Map.of("incidentKind", "ANOMALY", "incidentDescription", "画面が固まる",
                "occurredAt", "今朝"));
        assertThatThrownBy(() -> complete(instance, scene.admin, Map.of("severity", "LOW"))).isInstanceOf(UserError.class);
        // trust boundary: the triage handed to a colleague who is no administrator is refused
        String colleague = scene.station.person("colleague").userId();
        var triageTask = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.setAssignee(triageTask.getId(), colleague);
        assertThatThrownBy(() -> complete(taskService.createTaskQuery().taskId(triageTask.getId()).singleResult(),
                colleague, Map.of("severity", "LOW", "instructions", "x"))).isInstanceOf(UserError.class)
                .hasMessageContaining("MCS管理者");
        taskService.setAssignee(triageTask.getId(), null);
        triage(instance, scene.admin);
        assertThatThrownBy(() -> act(instance, "lock", Map.of())).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> act(instance, "lost", Map.of())).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> act(instance, "wipe", Map.of())).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> complete(instance, scene.nurse.userId(), Map.of("instructionsAcknowledged", false)))
                .isInstanceOf(UserError.class);
        assertThat(instance).isWaitingAt("UserTask_Acknowledge", "UserTask_Action");
    }
}
