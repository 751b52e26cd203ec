package org.mcsgov.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.patient.ConsentFixture.grantedByPatient;
import static org.mcsgov.patient.ConsentFixture.patientForm;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.patient.ConsentFixture;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("patient-consent (A6, A4)")
class PatientConsentTest extends ProcessTestSupport {

    private final ConsentFixture consent = new ConsentFixture(this);

    @Autowired JdbcClient jdbc;
    @Autowired PatientService patients;
    Fixture clinic;
    String coord;

    @BeforeEach
    void clinic() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
    }

    @Test
    @DisplayName("A6/A4: consent by the patient is recorded under the coordinator's facility")
    void consentGranted() {
        ProcessInstance instance = start(coord, "patient-consent", patientForm("山田 一", "ヤマダ ハジメ", "1939-05-06"));
        assertThat(instance).isWaitingAt("Task_RecordConsent").task().isAssignedTo(coord);
        long patientId = (Long) runtimeService.getVariable(instance.getId(), "patientId");
        assertThat(patients.patient(patientId).orElseThrow().facilityId()).isEqualTo(clinic.facilityId);

        complete(instance, coord, grantedByPatient());

        assertThat(instance).isEnded().hasPassed("Task_StoreConsent", "EndEvent_ConsentGranted");
        assertThat(patients.hasActiveConsent(patientId)).isTrue();
        assertThat(jdbc.sql("SELECT recorded_by FROM consent WHERE patient_id = ?").param(patientId)
                .query(String.class).single()).isEqualTo(coord);
    }

    @Test
    @DisplayName("A6: a family member's verbal consent records the relation")
    void consentByFamily() {
        ProcessInstance instance = start(coord, "patient-consent", patientForm("山田 二郎", "ヤマダ ジロウ", "1941-01-01"));
        long patientId = (Long) runtimeService.getVariable(instance.getId(), "patientId");
        var form = grantedByPatient();
        form.putAll(Map.of("consenterType", "family", "consenterName", "山田 花子", "consenterRelation", "長女",
                "consentMethod", "verbal", "documentRef", ""));
        complete(instance, coord, form);
        assertThat(jdbc.sql("SELECT consenter_relation FROM consent WHERE patient_id = ?").param(patientId)
                .query(String.class).single()).isEqualTo("長女");
    }

    @Test
    @DisplayName("A6: a refusal ends with its reason, and no group can be created")
    void consentRefused() {
        ProcessInstance instance = start(coord, "patient-consent", patientForm("佐藤 三郎", "サトウ サブロウ", "1950-03-03"));
        long patientId = (Long) runtimeService.getVariable(instance.getId(), "patientId");
        complete(instance, coord, Map.of("explanation", "情報共有の説明", "consentDecision", "refused",
                "refusalReason", "家族と相談したい"));

        assertThat(instance).isEnded().hasPassed("Task_StoreRefusal", "EndEvent_ConsentRefused");
        assertThat(patients.hasActiveConsent(patientId)).isFalse();
        assertThat(jdbc.sql("SELECT refusal_reason FROM consent WHERE patient_id = ?").param(patientId)
                .query(String.class).single()).isEqualTo("家族と相談したい");
        assertThatThrownBy(() -> start(coord, "patient-group-creation", Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("A6");
    }

    @Test
    @DisplayName("bad input at start: kana and dates are refused with the field named, nothing is registered")
    void invalidStartForm() {
        assertThatThrownBy(() -> start(coord, "patient-consent", patientForm("山田", "yamada", "1940-01-01")))
                .isInstanceOf(UserError.class).hasMessageContaining("カタカナ");
        assertThatThrownBy(() -> start(coord, "patient-consent", patientForm("山田", "ヤマダ", "2999-01-01")))
                .isInstanceOf(UserError.class).hasMessageContaining("生年月日");
        assertThatThrownBy(() -> start(coord, "patient-consent", patientForm("", "ヤマダ", "1940-01-01")))
                .isInstanceOf(UserError.class).hasMessageContaining("患者氏名");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE facility_id = ?").param(clinic.facilityId)
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("bad input in the consent form: the task stays open and nothing is recorded")
    void invalidConsentForm() {
        ProcessInstance instance = start(coord, "patient-consent", patientForm("田中 四郎", "タナカ シロウ", "1945-04-04"));
        var form = grantedByPatient();
        form.put("consenterName", " ");
        assertThatThrownBy(() -> complete(instance, coord, form)).isInstanceOf(UserError.class)
                .hasMessageContaining("同意した人の氏名");
        var written = grantedByPatient();
        written.put("documentRef", "");
        assertThatThrownBy(() -> complete(instance, coord, written)).isInstanceOf(UserError.class)
                .hasMessageContaining("同意書");
        var refused = Map.<String, Object>of("explanation", "説明", "consentDecision", "refused");
        assertThatThrownBy(() -> complete(instance, coord, refused)).isInstanceOf(UserError.class)
                .hasMessageContaining("理由");
        assertThatThrownBy(() -> complete(instance, coord, Map.of("explanation", "説明", "consentDecision", "maybe")))
                .isInstanceOf(UserError.class);
        assertThat(instance).isWaitingAt("Task_RecordConsent");
    }

    @Test
    @DisplayName("duplicate: a patient with an active consent cannot be consented again")
    void duplicateConsent() {
        consent.consentedPatient(coord, "鈴木 五郎", "スズキ ゴロウ");
        assertThatThrownBy(() -> start(coord, "patient-consent", patientForm("鈴木 五郎", "スズキ ゴロウ", "1940-02-03")))
                .isInstanceOf(UserError.class).hasMessageContaining("既に有効な同意");
    }

    @Test
    @DisplayName("A5-1: staff without the coordinator role cannot start it; another facility's coordinator cannot work the task")
    void wrongRoleOrFacility() {
        String staff = clinic.person("staff").userId();
        assertThatThrownBy(() -> start(staff, "patient-consent", patientForm("X", "エックス", "1940-01-01")))
                .isInstanceOf(AuthorizationException.class);

        ProcessInstance instance = start(coord, "patient-consent", patientForm("高橋 六郎", "タカハシ ロクロウ", "1946-06-06"));
        Fixture other = Fixture.facility(directory, FacilityKind.CLINIC);
        String otherCoord = other.person("coord", Role.COORDINATOR).userId();
        assertThat(visibleTasks(instance, otherCoord)).isZero();
        assertThat(visibleTasks(instance, coord)).isEqualTo(1);
    }
}
