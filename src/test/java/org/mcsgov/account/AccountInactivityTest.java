package org.mcsgov.account;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("account-inactivity: accounts nobody uses are reviewed, or locked without an answer (A11-2, NIST AC-2(3))")
class AccountInactivityTest extends ProcessTestSupport {

    @Autowired JdbcClient jdbc;

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
    private ProcessInstance cycle() {
        var management = engine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey("account-inactivity").timers().singleResult();
        assertThat(timer).as("the cycle's timer start event").isNotNull();
        management.executeJob(timer.getId());
        ProcessInstance cycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("account-inactivity")
                .orderByProcessInstanceId().desc().list().stream().filter(p -> !p.isEnded()).findFirst().orElseThrow();
        runJobs(cycle);
        return cycle;
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
}
