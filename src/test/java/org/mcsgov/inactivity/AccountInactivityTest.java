package org.mcsgov.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("account-inactivity: accounts nobody uses are reviewed, or locked without an answer (A11-2, NIST AC-2(3))")
class AccountInactivityTest extends ProcessTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired InactivityReactivation reactivation;

    Fixture clinic;
    String admin;
    Staff nurse;
    Staff active;

    @BeforeEach
    void nurseWithoutLogin() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        nurse = clinic.person("nurse");
        active = clinic.person("active");
        lastLogin(nurse, Duration.ofDays(91));
        lastLogin(active, Duration.ofDays(89));
    }

    private void lastLogin(Staff person, Duration ago) {
        jdbc.sql("UPDATE staff SET last_login_at = ? WHERE id = ?")
                .params(Timestamp.from(EngineClock.now().minus(ago)), person.id()).update();
    }

    /** The daily cycle's timer fires (the engine's clock at the next 06:00 is not needed: the job is run now). */
    private void cycle() {
        var management = engine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey("account-inactivity").timers().singleResult();
        assertThat(timer).as("the cycle's timer start event").isNotNull();
        // the instance this firing starts: ids are UUIDs, whose order says nothing about time (PostgreSQL showed it)
        var before = runtimeService.createProcessInstanceQuery().processDefinitionKey("account-inactivity").list().stream()
                .map(ProcessInstance::getId).toList();
        management.executeJob(timer.getId());
        // none when nobody is to be reviewed: the instance ended at once
        runtimeService.createProcessInstanceQuery().processDefinitionKey("account-inactivity").list().stream()
                .filter(p -> !p.isEnded() && !before.contains(p.getId())).findFirst().ifPresent(this::runJobs);
    }

    private ProcessInstance reviewOf(Staff person) {
        List<ProcessInstance> reviews = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("account-inactivity-review")
                .processInstanceBusinessKeyLike("inactivity:" + person.userId() + ":%").list();
        assertThat(reviews).hasSize(1);
        return reviews.get(0);
    }

    private String status(Staff person) {
        return jdbc.sql("SELECT status FROM inactivity_review WHERE staff_id = ?").param(person.id())
                .query(String.class).single();
    }

    @Test
    @DisplayName("only the account without a login for 90 days is listed; the administrator confirms it with a reason")
    void confirmed() {
        cycle();
        ProcessInstance review = reviewOf(nurse);
        assertThat(review).isWaitingAt("UserTask_Decide");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(
                "inactivity:" + active.userId() + ":%").count()).isZero();
        assertThat((String) runtimeService.getVariable(review.getId(), "inactiveSummary")).contains(nurse.userId());

        complete(review, admin, Map.of("inactivityDecision", "confirm", "decisionReason", "育児休業中、4月に復帰"));
        assertThat(review).isEnded().hasPassed("Task_Check", "EndEvent_Confirmed");
        assertThat(status(nurse)).isEqualTo("CONFIRMED");
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("the administrator starts a suspension: user-suspension runs for the person, locked at once")
    void suspension() {
        cycle();
        ProcessInstance review = reviewOf(nurse);
        complete(review, admin, Map.of("inactivityDecision", "suspend", "decisionReason", "退職の確認が取れるまで"));
        assertThat(review).isEnded().hasPassed("Task_StartSuspension", "EndEvent_SuspensionStarted");
        assertThat(status(nurse)).isEqualTo("SUSPENSION");
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("SUSPENDED");
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isFalse();
    }

    @Test
    @DisplayName("the administrator starts the offboarding: staff-offboarding runs for the person, locked at once")
    void offboarding() {
        cycle();
        ProcessInstance review = reviewOf(nurse);
        complete(review, admin, Map.of("inactivityDecision", "offboard", "decisionReason", "2026年3月に退職済み"));
        assertThat(review).isEnded().hasPassed("Task_StartOffboarding", "EndEvent_OffboardingStarted");
        assertThat(status(nurse)).isEqualTo("OFFBOARDING");
        String started = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(review.getId()).variableName("followUpInstance").singleResult().getValue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started).singleResult()
                .getProcessDefinitionId()).startsWith("staff-offboarding:");
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isFalse();
    }

    @Test
    @DisplayName("no answer within 30 days: the account is locked and the office informed; not listed twice meanwhile")
    void lockedWithoutAnswer() {
        cycle();
        ProcessInstance review = reviewOf(nurse);
        cycle();
        reviewOf(nurse);   // still one review: an account under review is not listed again

        ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(30)).plusSeconds(60)));
        runJobs(review);
        assertThat(review).isEnded().hasPassed("BoundaryTimer_Lock", "Task_Lock", "EndEvent_Locked");
        assertThat(status(nurse)).isEqualTo("LOCKED");
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("LOCKED");
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isFalse();
        assertThat(jdbc.sql("SELECT office_informed_at FROM inactivity_review WHERE staff_id = ?").param(nurse.id())
                .query(Timestamp.class).single()).isNotNull();
    }

    @Test
    @DisplayName("locked for inactivity: the facility's MCS administrator reactivates it with a reason (recorded, "
            + "groups back, login again); another facility's administrator, no reason or a second time are refused")
    void reactivatedByFacilityAdministrator() {
        cycle();
        ProcessInstance review = reviewOf(nurse);
        ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(30)).plusSeconds(60)));
        runJobs(review);
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("LOCKED");
        assertThat(reactivation.lockingReview(directory.staff(nurse.id()).orElseThrow())).isPresent();
        assertThat(reactivation.lockingReview(active)).as("an active account is not locked").isEmpty();

        String otherAdmin = Fixture.facility(directory, FacilityKind.CLINIC).person("admin", Role.MCS_ADMIN).userId();
        assertThatThrownBy(() -> reactivation.reactivate(otherAdmin, nurse.id(), "復帰しました"))
                .isInstanceOf(UserError.class).hasMessageContaining("MCS");
        assertThatThrownBy(() -> reactivation.reactivate(admin, nurse.id(), "  "))
                .isInstanceOf(UserError.class).hasMessageContaining("理由");
        assertThatThrownBy(() -> reactivation.reactivate(nurse.userId(), nurse.id(), "自分で"))
                .isInstanceOf(UserError.class);
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isFalse();

        reactivation.reactivate(admin, nurse.id(), "育児休業から復帰");
        assertThat(directory.staff(nurse.id()).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).isTrue();
        assertThat(identityService.createGroupQuery().groupMember(nurse.userId()).list().stream().map(g -> g.getId())
                .toList()).containsExactlyInAnyOrderElementsOf(directory.activeRoles(nurse.id()).stream()
                .map(r -> r.groupId(clinic.facilityId)).toList()).isNotEmpty();
        assertThat(status(nurse)).as("the review's row is history, not rewritten").isEqualTo("LOCKED");
        assertThat(jdbc.sql("SELECT reactivated_by || ' ' || reason FROM inactivity_reactivation WHERE staff_id = ?")
                .param(nurse.id()).query(String.class).list()).containsExactly(admin + " 育児休業から復帰");
        assertThatThrownBy(() -> reactivation.reactivate(admin, nurse.id(), "もう一度"))
                .isInstanceOf(UserError.class).hasMessageContaining("未使用");

        cycle();   // the reactivation counts as a fresh start: not reviewed again the next morning
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("account-inactivity-review")
                .processInstanceBusinessKeyLike("inactivity:" + nurse.userId() + ":%").active().count()).isZero();
    }
}
