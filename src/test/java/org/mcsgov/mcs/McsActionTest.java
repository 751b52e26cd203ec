package org.mcsgov.mcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.group.GroupService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The MCS port is the system's edge to MCS: an API-backed implementation (mocked here, as MCS has no API yet)
 * that performs the action makes the confirmation task unnecessary, without any change to the processes.
 */
@DisplayName("mcs-action with an API-backed McsActions (N3-8)")
class McsActionTest extends ProcessTestSupport {

    @MockitoBean McsActions mcsActions;
    @Autowired GroupService groups;

    @Test
    @DisplayName("N3-8: an action the port carried out needs no confirmation task; the group becomes active")
    void performedByThePort() {
        when(mcsActions.perform(eq(McsAction.CREATE_FREE_GROUP), any())).thenReturn(McsActions.Outcome.performed());
        Fixture facility = Fixture.facility(directory, FacilityKind.PHARMACY);
        String coord = facility.person("coord", Role.COORDINATOR).userId();

        ProcessInstance instance = start(coord, "free-group-creation", Map.of());
        complete(instance, coord, Map.of("groupName", "薬局連絡", "purpose", "在庫の共有", "noPatientInfo", true));
        long groupId = (Long) runtimeService.getVariable(instance.getId(), "groupId");
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed("Task_ActivateGroup");
        assertThat(groups.group(groupId).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(groups.currentMembers(groupId)).singleElement()
                .satisfies(m -> assertThat(m.approvedBy()).isEqualTo("mcs-api"));
    }

    @Test
    @DisplayName("a failing step is tried 3 times, 5 minutes apart (R3/PT5M), then an incident in Cockpit says what to do")
    void failingStepBecomesIncident() {
        when(mcsActions.perform(any(), any())).thenThrow(new IllegalStateException("MCS API: 503 Service Unavailable"));
        ClockUtil.setCurrentTime(new Date());
        Fixture facility = Fixture.facility(directory, FacilityKind.PHARMACY);
        String coord = facility.person("coord", Role.COORDINATOR).userId();
        ProcessInstance instance = start(coord, "free-group-creation", Map.of());
        complete(instance, coord, Map.of("groupName", "薬局連絡", "purpose", "在庫の共有", "noPatientInfo", true));
        var management = engine.getManagementService();
        // the person's completion is kept: the call starts mcs-action at once, whose request is a job of its own
        assertThat(instance).isWaitingAt("CallActivity_CreateInMcs");

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = requestJob(instance);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("503");
            Job failed = requestJob(instance);
            assertThat(failed.getRetries()).isEqualTo(3 - attempt);
            assertThat(failed.getDuedate().toInstant())
                    .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5)));
            ClockUtil.setCurrentTime(failed.getDuedate());
        }

        verify(mcsActions, times(3)).perform(any(), any());
        var incident = runtimeService.createIncidentQuery().configuration(requestJob(instance).getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_RequestMcsAction");
        assertThat(incident.getIncidentMessage()).contains("「MCS操作の依頼」", "Cockpit", "Retry",
                "MCS API: 503 Service Unavailable");
    }

    private Job requestJob(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().activityId("Task_RequestMcsAction").list().stream()
                .filter(j -> instance.getId().equals(j.getRootProcessInstanceId())).findFirst().orElseThrow();
    }
}
