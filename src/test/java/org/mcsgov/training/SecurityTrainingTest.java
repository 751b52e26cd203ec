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
import org.mcsgov.CampaignFixture;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;

@DisplayName("security-training: a yearly campaign, one task per facility, reminder and escalation (A9-2)")
class SecurityTrainingTest extends ProcessTestSupport {

    private final CampaignFixture campaigns = new CampaignFixture(this);

    @org.springframework.beans.factory.annotation.Autowired Schedules schedules;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        ProcessInstance campaign = campaigns.campaign("security-training", clinic.facilityId);
        assertThat(visibleTasks(campaign, manager)).isEqualTo(1);
        assertThat(visibleTasks(campaign, nurse.userId())).isZero();
        complete(campaign, manager, record(LocalDate.now(), List.of(staffId(manager), staffId(admin))));
        assertThat(campaign).isEnded().hasPassed("CallActivity_Each", "EndEvent_Done");
        assertThat(campaigns.variables(campaigns.child(campaign, clinic.facilityId)).get("untrainedStaff")).isEqualTo(nurse.userId());
    }

    @Test
    @DisplayName("A9-2: one facility late: reminded before the deadline, administrator escalated to after it")
    void late() {
        Fixture onTime = Fixture.facility(directory, FacilityKind.PHARMACY);
        String otherManager = onTime.person("mgr", Role.MANAGER).userId();
        ProcessInstance campaign = campaigns.campaign("security-training", clinic.facilityId + "," + onTime.facilityId);
        complete(campaign, otherManager, record(LocalDate.now(), List.of(staffId(otherManager))));

        campaigns.daysLater(campaign, 61);
        String late = campaigns.child(campaign, clinic.facilityId);
        assertThat(campaigns.passed(late, "Task_Remind")).isTrue();
        assertThat(campaigns.passed(late, "Task_ListUntrained")).isFalse();
        campaigns.daysLater(campaign, 30);
        assertThat((String) campaigns.variables(late).get("untrainedSummary")).contains(nurse.userId(), manager, admin);
        complete(campaign, admin, Map.of("followUp", "事業所管理者と来月の実施日を決めた"));
        assertThat(campaign).isActive();
        complete(campaign, manager, record(LocalDate.now(), List.of(nurse.id())));
        assertThat(campaign).isEnded();
        assertThat(campaigns.passed(late, "EndEvent_Escalated")).isTrue();
        assertThat(campaigns.passed(campaigns.child(campaign, onTime.facilityId), "Task_Remind")).isFalse();
    }

    @Test
    @DisplayName("bad input: future date, no content, no attendees, attendees of another facility")
    void badInput() {
        ProcessInstance campaign = campaigns.campaign("security-training", clinic.facilityId);
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

    /** The attendees the facility's open training task offers now (its engine-set options). */
    private String offered(ProcessInstance campaign) {
        return String.valueOf(taskService.getVariable(singleTask(campaign, manager).getId(), "staffOptions"));
    }

    @Test
    @DisplayName("A9-2: who attended and left afterwards is an attendee; who left without attending is not untrained")
    void attendedThenLeft() {
        Staff clerk = clinic.person("clerk");
        ProcessInstance campaign = campaigns.campaign("security-training", clinic.facilityId);
        String child = campaigns.child(campaign, clinic.facilityId);
        assertThat(offered(campaign)).contains("\"" + nurse.id() + "\"", "\"" + clerk.id() + "\"");
        LocalDate trainingDay = EngineClock.today();

        campaigns.daysLater(campaign, 2);   // the nurse attended on the training day and left two days later
        directory.markLeft(nurse.id(), null);
        directory.markLeft(clerk.id(), null);
        complete(campaign, manager, record(trainingDay, List.of(staffId(manager), nurse.id())));
        assertThat(campaign).isEnded();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_attendance WHERE staff_id = ?").param(nurse.id())
                .query(Long.class).single()).as("the nurse attended before leaving").isOne();
        // only still-active staff are counted: the clerk left without attending and is not listed
        assertThat(campaigns.variables(child).get("untrainedStaff")).isEqualTo(admin);
    }

    @Test
    @DisplayName("A9-2: a record task created after someone left does not offer them")
    void taskCreatedAfterSomeoneLeft() {
        ProcessInstance campaign = campaigns.campaign("security-training", clinic.facilityId);
        String child = campaigns.child(campaign, clinic.facilityId);
        assertThat(offered(campaign)).contains("\"" + nurse.id() + "\"");
        directory.markLeft(nurse.id(), null);
        // the task opens again (an administrator moves the procedure back to it): the list is the staff of now
        runtimeService.createProcessInstanceModification(child).cancelAllForActivity("UserTask_Record")
                .startBeforeActivity("UserTask_Record").execute();
        assertThat(offered(campaign)).contains("\"" + staffId(manager) + "\"", "\"" + staffId(admin) + "\"")
                .doesNotContain("\"" + nurse.id() + "\"");
        assertThatThrownBy(() -> complete(campaign, manager, record(EngineClock.today(), List.of(nurse.id()))))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        complete(campaign, manager, record(EngineClock.today(), List.of(staffId(manager))));
        assertThat(campaign).isEnded();
    }

    @Test
    @DisplayName("A9-2: an offered person who had left before the training day cannot have attended it")
    void leftBeforeTheTraining() {
        ProcessInstance campaign = campaigns.campaign("security-training", clinic.facilityId);
        directory.markLeft(nurse.id(), null);   // offered by the open task, left on the campaign's first day
        campaigns.daysLater(campaign, 3);
        assertThatThrownBy(() -> complete(campaign, manager, record(EngineClock.today(), List.of(nurse.id()))))
                .isInstanceOf(UserError.class).hasMessageContaining("実施日より前").hasMessageContaining(nurse.name());
        assertThat(campaign).isActive();
    }

    @Test
    @DisplayName("A9-2: the attendees offered are the engine's: a client cannot send them, and another facility's or an unknown id is refused")
    void forgedAttendees() {
        ProcessInstance campaign = campaigns.campaign("security-training", clinic.facilityId);
        String child = campaigns.child(campaign, clinic.facilityId);
        Staff outsider = Fixture.facility(directory, FacilityKind.PHARMACY).person("staff");
        Map<String, Object> withOptions = record(EngineClock.today(), List.of(outsider.id()));
        withOptions.put("staffOptions", Vars.options(List.of(new Vars.Option("他事業所", String.valueOf(outsider.id())))));
        assertThatThrownBy(() -> complete(campaign, manager, withOptions)).isInstanceOf(UserError.class)
                .hasMessageContaining("staffOptions").hasMessageContaining("この画面で入力する項目ではありません");

        // even offered (options written by someone on the engine's side), they are not staff of this facility
        for (long forged : List.of(outsider.id(), 999_999_999L)) {
            runtimeService.setVariable(child, "staffOptions", Vars.options(List.of(
                    new Vars.Option("看護師", String.valueOf(nurse.id())), new Vars.Option("?", String.valueOf(forged)))));
            assertThatThrownBy(() -> complete(campaign, manager, record(EngineClock.today(), List.of(nurse.id(), forged))))
                    .isInstanceOf(UserError.class).hasMessageContaining("この事業所の職員でない人")
                    .hasMessageContaining(String.valueOf(forged));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM security_training WHERE facility_id = ?")
                .param(clinic.facilityId).query(Long.class).single()).isZero();
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
