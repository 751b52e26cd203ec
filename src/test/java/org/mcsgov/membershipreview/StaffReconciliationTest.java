package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
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
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("staff-reconciliation: each facility's staff list in MCS compared with the register (N1-3, A8-5)")
class StaffReconciliationTest extends ProcessTestSupport {

    @Autowired JdbcClient jdbc;

    private Fixture clinic;
    private String admin;

    @BeforeEach
    void clinic() {
        ClockUtil.setCurrentTime(new Date());
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        clinic.person("nurse");
    }

    /** The cycle's timer fires: one task per facility using MCS with an administrator (other tests' too). */
    private ProcessInstance fire() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("staff-reconciliation").latestVersion().singleResult();
        var management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processDefinitionId(definition.getId()).timers()
                .singleResult().getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId())
                .processInstanceBusinessKey("staff-reconciliation:" + org.mcsgov.platform.EngineClock.today()).list()
                .stream().findFirst().orElseThrow();
    }

    private Task taskOf(ProcessInstance instance, String facilityId) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(
                Role.MCS_ADMIN.groupId(facilityId)).singleResult();
    }

    @Test
    @DisplayName("N1-3: the administrator compares; who is only in MCS is released there (a revocation); "
            + "every facility done ends the round")
    void compared() {
        ProcessInstance instance = fire();
        Task task = taskOf(instance, clinic.facilityId);
        assertThat((String) taskService.getVariable(task.getId(), "staffSummary")).contains("nurse");
        assertThatThrownBy(() -> complete(task, admin, Map.of("staffFoundInMcs", "元職員 一郎")))
                .isInstanceOf(UserError.class);
        complete(task, admin, Map.of("staffListCompared", true, "staffFoundInMcs", "元職員 一郎\n"));

        String action = jdbc.sql("SELECT process_instance_id FROM review_difference WHERE facility_id = ?"
                + " AND source = 'STAFF_LIST'").param(clinic.facilityId).query(String.class).single();
        var release = runtimeService.createProcessInstanceQuery().processInstanceId(action).singleResult();
        runJobs(release);
        assertThat(runtimeService.getVariable(release.getId(), "mcsAction")).isEqualTo("RELEASE_STAFF");
        complete(release, admin, Map.of("mcsOutcome", "done"));
        assertThat(jdbc.sql("SELECT found_in_mcs_only FROM staff_reconciliation WHERE facility_id = ?")
                .param(clinic.facilityId).query(Integer.class).single()).isEqualTo(1);

        // every other facility of this engine answers with nothing found: the round ends
        for (Task other : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
            String facility = Role.facilityOf((String) taskService.getVariable(other.getId(), "adminGroup"));
            String otherAdmin = directory.activeWithRole(facility, Role.MCS_ADMIN).get(0).userId();
            complete(other, otherAdmin, Map.of("staffListCompared", true));
        }
        assertThat(instance).isEnded().hasPassed("EndEvent_Done");
    }

    @Test
    @DisplayName("N1-3: the deadline passes: the facilities that did not compare are told the office")
    void deadline() {
        ProcessInstance instance = fire();
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(22))));
        var management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryTimer_Deadline").singleResult().getId());
        assertThat(instance).isEnded().hasPassed("Task_NoResponse", "EndEvent_Deadline");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("staffReconciliationMissing").singleResult().getValue().toString())
                .contains(clinic.facilityId);
    }
}
