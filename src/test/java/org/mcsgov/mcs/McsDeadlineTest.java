package org.mcsgov.mcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.notification.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("mcs-action: due date by kind, reminder, escalation to the facility manager, the office told (N1-3, N2-2, N3-7)")
class McsDeadlineTest extends ProcessTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired McsActionLog actionLog;

    private final Instant t0 = Instant.parse("2026-12-01T00:00:00Z");

    /** The mcs-action as a calling process's step starts it (a job: no person, so no form applies). */
    private ProcessInstance request(McsAction action, String assignee, String candidateGroup) {
        Map<String, Object> variables = new HashMap<>(Map.of("mcsAction", action.name(), "mcsSubject", "テスト 太郎",
                "mcsCandidateGroup", candidateGroup, "mcsCancellable", false));
        variables.put("mcsAssignee", assignee);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("mcs-action",
                "test:" + action + ":" + candidateGroup, variables);
        runJobs(instance);
        return instance;
    }

    private void at(Duration afterDecision) {
        ClockUtil.setCurrentTime(Date.from(t0.plus(afterDecision)));
    }

    private Map<String, Object> row(ProcessInstance instance) {
        return jdbc.sql("SELECT * FROM mcs_action WHERE process_instance_id = ?").param(instance.getId()).query()
                .singleRow();
    }

    @Test
    @DisplayName("N1-3, N3-7: a revocation is due in 24 hours; reminded at 12, the manager at 24, the office at 48; "
            + "the manager confirms and the revocation time is recorded")
    void revocationEscalated() {
        at(Duration.ZERO);
        Fixture facility = Fixture.facility(directory, FacilityKind.CLINIC);
        String admin = facility.person("admin", Role.MCS_ADMIN).userId();
        String manager = facility.person("mgr", Role.MANAGER).userId();
        ProcessInstance instance = request(McsAction.RELEASE_STAFF, admin, Role.MCS_ADMIN.groupId(facility.facilityId));

        var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getDueDate().toInstant()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(row(instance)).containsEntry("REVOCATION", true).containsEntry("FACILITY_ID", facility.facilityId);

        at(Duration.ofHours(11));
        runJobs(instance);
        assertThat(row(instance).get("REMINDED_AT")).isNull();
        at(Duration.ofHours(12).plusSeconds(1));
        runJobs(instance);
        assertThat(instance).hasPassed("Task_McsRemind");
        assertThat(row(instance).get("REMINDED_AT")).isNotNull();

        // the gauge counts every facility's revocations (other tests' too): its change at the due date is this one
        at(Duration.ofHours(24).minusSeconds(1));
        long overdueBefore = actionLog.overdueRevocations();
        at(Duration.ofHours(24).plusSeconds(1));
        assertThat(actionLog.overdueRevocations()).isEqualTo(overdueBefore + 1);
        runJobs(instance);
        assertThat(instance).hasPassed("Task_McsEscalate").isWaitingAt("Task_ConfirmMcsAction");
        task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains(Role.MANAGER.groupId(facility.facilityId), Role.MCS_ADMIN.groupId(facility.facilityId));

        at(Duration.ofHours(48).plusSeconds(1));
        runJobs(instance);
        assertThat(instance).hasPassed("Task_McsInformOffice");
        assertThat((String) runtimeService.getVariable(instance.getId(), "mcsOfficeNotice"))
                .contains("期限", "N1-3", facility.facilityId);
        assertThat(row(instance).get("OFFICE_NOTIFIED_AT")).isNotNull();
        assertThat(Outbox.rows(jdbc, instance.getBusinessKey())).filteredOn("KIND", "OFFICE_NOTICE")
                .as("one mail notice to the office").hasSize(1);

        at(Duration.ofHours(50));
        long overdueWithThis = actionLog.overdueRevocations();
        complete(instance, manager, Map.of("mcsOutcome", "done"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Confirmed");
        assertThat(row(instance)).containsEntry("OUTCOME", "DONE").containsEntry("CLOSED_BY", manager)
                .containsEntry("ELAPSED_SECONDS", 50L * 3600);
        assertThat(actionLog.overdueRevocations()).isEqualTo(overdueWithThis - 1);
    }

    @Test
    @DisplayName("N3-8: anything else is due in 3 days; confirmed in time, nobody is reminded")
    void otherActionInTime() {
        at(Duration.ZERO);
        Fixture facility = Fixture.facility(directory, FacilityKind.PHARMACY);
        String coord = facility.person("coord", Role.COORDINATOR).userId();
        ProcessInstance instance = request(McsAction.CREATE_FREE_GROUP, coord, Role.COORDINATOR.groupId(facility.facilityId));
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate()
                .toInstant()).isEqualTo(t0.plus(Duration.ofDays(3)));
        at(Duration.ofDays(1));
        runJobs(instance);
        complete(instance, coord, Map.of("mcsOutcome", "done"));
        assertThat(instance).isEnded().hasNotPassed("Task_McsRemind");
        assertThat(row(instance)).containsEntry("REVOCATION", false).containsEntry("OUTCOME", "DONE")
                .containsEntry("ELAPSED_SECONDS", 86400L);
    }
}
