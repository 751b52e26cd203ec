package org.mcsgov.factorreset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
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
import org.mcsgov.security.factor.SecondFactors;
import org.mcsgov.security.factor.Totp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("second-factor-reset: a lost device, reset by the facility's MCS administrator with a reason (A11-3)")
class SecondFactorResetTest extends ProcessTestSupport {

    @Autowired SecondFactors factors;
    @Autowired JdbcClient jdbc;

    Fixture clinic;
    String admin;
    Staff nurse;

    @BeforeEach
    void enrolledNurse() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        nurse = clinic.person("nurse");
        byte[] secret = Totp.newSecret();
        factors.enrol(nurse.userId(), secret, Totp.code(secret, Totp.step(EngineClock.now())));
    }

    @Test
    @DisplayName("the administrator picks the person and a reason: factor and recovery codes gone, audited")
    void reset() {
        ProcessInstance instance = start(admin, "second-factor-reset", Map.of());
        assertThat(instance).isWaitingAt("UserTask_Request");
        complete(instance, admin, Map.of("staffId", String.valueOf(nurse.id()), "resetReason", "スマートフォンを紛失、職員証で本人確認"));

        assertThat(instance).isEnded().hasPassed("Task_Reset", "EndEvent_Done");
        assertThat(factors.enrolled(nurse.userId())).isFalse();
        assertThat(factors.recoveryCodesLeft(nurse.userId())).isZero();
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE user_id = ? AND process_instance_id = ?")
                .params(admin, instance.getId()).query(String.class).single())
                .contains("second factor of " + nurse.userId() + " reset", "スマートフォンを紛失");
    }

    @Test
    @DisplayName("without a reason nothing is reset (400); the task waits")
    void badInput() {
        ProcessInstance instance = start(admin, "second-factor-reset", Map.of());
        assertThatThrownBy(() -> complete(instance, admin, Map.of("staffId", String.valueOf(nurse.id()), "resetReason", " ")))
                .isInstanceOf(UserError.class);
        assertThat(factors.enrolled(nurse.userId())).isTrue();
        assertThat(instance).isWaitingAt("UserTask_Request");
    }
}
