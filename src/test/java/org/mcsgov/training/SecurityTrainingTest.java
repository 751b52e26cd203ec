package org.mcsgov.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.CampaignTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;

@DisplayName("security-training: a yearly campaign, one task per facility, reminder and escalation (A9-2)")
class SecurityTrainingTest extends CampaignTestSupport {

    @org.springframework.beans.factory.annotation.Autowired Schedules schedules;

    Fixture clinic;
    String manager;
    String admin;
    Staff nurse;

    @BeforeEach
    void facility() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        manager = clinic.person("mgr", Role.MANAGER).userId();
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        nurse = clinic.person("nurse");
    }

    private Map<String, Object> record(LocalDate date, List<Long> attendees) {
        Map<String, Object> form = new HashMap<>();
        form.put("trainingDate", date.toString());
        form.put("trainingContent", "パスワード管理、端末の取扱い、ログアウト");
        form.put("attendeeIds", SpinValues.jsonValue(attendees.stream().map(id -> "\"" + id + "\"").toList().toString()).create());
        return form;
    }

    private long staffId(String userId) {
        return directory.staffByUserId(userId).orElseThrow().id();
    }

    @Test
    @DisplayName("A9-2: recorded on time; who did not attend is listed")
    void onTime() {
        ProcessInstance campaign = campaign("security-training", clinic.facilityId);
        assertThat(visibleTasks(campaign, manager)).isEqualTo(1);
        assertThat(visibleTasks(campaign, nurse.userId())).isZero();
        complete(campaign, manager, record(LocalDate.now(), List.of(staffId(manager), staffId(admin))));
        assertThat(campaign).isEnded().hasPassed("CallActivity_Each", "EndEvent_Done");
        assertThat(variables(child(campaign, clinic.facilityId)).get("untrainedStaff")).isEqualTo(nurse.userId());
    }

    @Test
    @DisplayName("A9-2: one facility late: reminded before the deadline, administrator escalated to after it")
    void late() {
        Fixture onTime = Fixture.facility(directory, FacilityKind.PHARMACY);
        String otherManager = onTime.person("mgr", Role.MANAGER).userId();
        ProcessInstance campaign = campaign("security-training", clinic.facilityId + "," + onTime.facilityId);
        complete(campaign, otherManager, record(LocalDate.now(), List.of(staffId(otherManager))));

        daysLater(campaign, 61);
        String late = child(campaign, clinic.facilityId);
        assertThat(passed(late, "Task_Remind")).isTrue();
        assertThat(passed(late, "Task_ListUntrained")).isFalse();
        daysLater(campaign, 30);
        assertThat((String) variables(late).get("untrainedSummary")).contains(nurse.userId(), manager, admin);
        complete(campaign, admin, Map.of("followUp", "事業所管理者と来月の実施日を決めた"));
        assertThat(campaign).isActive();
        complete(campaign, manager, record(LocalDate.now(), List.of(nurse.id())));
        assertThat(campaign).isEnded();
        assertThat(passed(late, "EndEvent_Escalated")).isTrue();
        assertThat(passed(child(campaign, onTime.facilityId), "Task_Remind")).isFalse();
    }

    @Test
    @DisplayName("bad input: future date, no content, no attendees, attendees of another facility")
    void badInput() {
        ProcessInstance campaign = campaign("security-training", clinic.facilityId);
        Staff outsider = Fixture.facility(directory, FacilityKind.PHARMACY).person("staff");
        assertThatThrownBy(() -> complete(campaign, manager, record(LocalDate.now().plusDays(3), List.of(nurse.id()))))
                .isInstanceOf(UserError.class).hasMessageContaining("実施日");
        assertThatThrownBy(() -> complete(campaign, manager, record(LocalDate.now(), List.of())))
                .hasMessageContaining("受講者");
        assertThatThrownBy(() -> complete(campaign, manager, record(LocalDate.now(), List.of(outsider.id()))))
                .hasMessageContaining("選択肢にない");
        Map<String, Object> noContent = record(LocalDate.now(), List.of(nurse.id()));
        noContent.remove("trainingContent");
        assertThatThrownBy(() -> complete(campaign, manager, noContent)).hasMessageContaining("研修の内容");
    }

    @Test
    @DisplayName("A9-2, A11-1: the campaigns' timer start events take their cycles from Spring properties and run again")
    void cycleTimer() {
        for (String key : List.of("security-training", "password-attestation")) {
            var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            var job = engine.getManagementService().createJobQuery().processDefinitionId(definition.getId())
                    .timers().singleResult();
            assertThat(job).as(key).isNotNull();
            assertThat(job.getDuedate()).isAfter(new Date());

            // fire it now: a campaign starts (for every facility; stopped here) and the next run is scheduled
            engine.getManagementService().executeJob(job.getId());
            var started = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId())
                    .orderByProcessInstanceId().desc().list();
            assertThat(started).as(key + " started by its timer").isNotEmpty();
            started.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test of the cycle timer"));
            var next = engine.getManagementService().createJobQuery().processDefinitionId(definition.getId())
                    .timers().singleResult();
            assertThat(next.getId()).as(key + " next run").isNotEqualTo(job.getId());
            assertThat(next.getDuedate()).as(key + " next run, on the calendar rule's next date").isInTheFuture()
                    .isEqualTo(Schedules.next(key.equals("security-training") ? schedules.getTrainingCycle()
                            : schedules.getAttestationCycle()));
            assertThat(next.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).getDayOfMonth())
                    .isEqualTo(1);
        }
    }
}
