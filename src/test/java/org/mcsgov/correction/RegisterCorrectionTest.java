package org.mcsgov.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.ConsentFixture;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("register-correction: the one responsible corrects what a person typed, with a reason; the old value kept (訂正)")
class RegisterCorrectionTest extends ProcessTestSupport {

    private final ConsentFixture consent = new ConsentFixture(this);

    @Autowired JdbcClient jdbc;
    @Autowired DeviceService devices;
    @Autowired GroupService groups;
    @Autowired FacilityRegister facilities;

    Fixture clinic;
    String admin;
    String coord;
    String manager;
    Staff nurse;
    long patientId;
    long consentId;

    @BeforeEach
    void clinicWithAPatient() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        manager = clinic.person("mgr", Role.MANAGER).userId();
        nurse = clinic.person("nurse");
        patientId = consent.consentedPatient(coord, "山田 太朗", "ヤマダ タロウ");
        consentId = jdbc.sql("SELECT id FROM consent WHERE patient_id = ?").param(patientId).query(Long.class).single();
    }

    private ProcessInstance correct(String by, CorrectionField field, Object recordId, String newValue) {
        ProcessInstance instance = start(by, "register-correction", Map.of());
        complete(instance, by, form(field, recordId, newValue));
        return instance;
    }

    private static Map<String, Object> form(CorrectionField field, Object recordId, String newValue) {
        return new HashMap<>(Map.of("correctionItem", field.name() + ":" + recordId, "newValue", newValue,
                "correctionReason", "登録時の入力誤り"));
    }

    private String history(Object recordId, CorrectionField field) {
        return jdbc.sql("""
                SELECT old_value || ' -> ' || new_value || ' / ' || status || ' / ' || requested_by || ' / '
                    || COALESCE(decided_by, '-') FROM correction WHERE record_key = ? AND field = ? ORDER BY id""")
                .params(String.valueOf(recordId), field.name()).query(String.class).list().toString();
    }

    @Test
    @DisplayName("A8-5: the MCS administrator corrects a staff member's name and e-mail: applied at once, the login too, the old value in the history")
    void staff() {
        ProcessInstance instance = correct(admin, CorrectionField.STAFF_NAME, nurse.id(), "試験 花子");
        assertThat(instance).isEnded().hasPassed("Task_Check", "Gateway_JoinApply", "Task_Apply", "EndEvent_Corrected");
        assertThat(directory.staff(nurse.id()).orElseThrow().name()).isEqualTo("試験 花子");
        assertThat(history(nurse.id(), CorrectionField.STAFF_NAME)).isEqualTo(
                "[試験 nurse -> 試験 花子 / APPLIED / " + admin + " / " + admin + "]");

        correct(admin, CorrectionField.STAFF_EMAIL, nurse.id(), "hanako@example.jp");
        assertThat(directory.staff(nurse.id()).orElseThrow().email()).isEqualTo("hanako@example.jp");
        var user = identityService.createUserQuery().userId(nurse.userId()).singleResult();
        assertThat(user.getEmail()).isEqualTo("hanako@example.jp");
        assertThat(user.getFirstName()).isEqualTo("試験 花子");
        assertThat(identityService.checkPassword(nurse.userId(), Fixture.PASSWORD)).as("password unchanged").isTrue();

        correct(admin, CorrectionField.STAFF_DISPLAY_NAME, nurse.id(), "はなこ");
        assertThat(history(nurse.id(), CorrectionField.STAFF_DISPLAY_NAME)).contains(" -> はなこ / APPLIED");
    }

    @Test
    @DisplayName("A4: the coordinator corrects a patient's kana and birth date; the options show the current values")
    void patient() {
        ProcessInstance instance = start(coord, "register-correction", Map.of());
        assertThat(runtimeService.getVariable(instance.getId(), "correctionOptions").toString())
                .contains("患者 山田 太朗 — 生年月日（現在: 1940-02-03）").doesNotContain("職員");
        complete(instance, coord, form(CorrectionField.PATIENT_BIRTH_DATE, patientId, "1940-03-02"));
        correct(coord, CorrectionField.PATIENT_KANA, patientId, "ヤマダ タロー");
        assertThat(jdbc.sql("SELECT kana || ' ' || CAST(birth_date AS VARCHAR(10)) FROM patient WHERE id = ?")
                .param(patientId).query(String.class).single()).isEqualTo("ヤマダ タロー 1940-03-02");
        assertThat(history(patientId, CorrectionField.PATIENT_BIRTH_DATE))
                .isEqualTo("[1940-02-03 -> 1940-03-02 / APPLIED / " + coord + " / " + coord + "]");
    }

    @Test
    @DisplayName("A8-2, A5-1: the MCS administrator corrects a device's asset number (a clash refused), the coordinator a free group's purpose")
    void deviceAndFreeGroup() {
        long device = devices.register(clinic.facilityId, "TABLET", "CL-TAB-9", "iPad", "FACILITY", null, admin, "test")
                .id();
        devices.register(clinic.facilityId, "PC", "CL-PC-9", "ThinkPad", "FACILITY", null, admin, "test");
        ProcessInstance clash = start(admin, "register-correction", Map.of());
        assertThatThrownBy(() -> complete(clash, admin, form(CorrectionField.DEVICE_ASSET_NUMBER, device, "CL-PC-9")))
                .isInstanceOf(UserError.class).hasMessageContaining("資産番号");
        complete(clash, admin, form(CorrectionField.DEVICE_ASSET_NUMBER, device, "CL-TAB-09"));
        assertThat(history(device, CorrectionField.DEVICE_ASSET_NUMBER))
                .isEqualTo("[CL-TAB-9 -> CL-TAB-09 / APPLIED / " + admin + " / " + admin + "]");

        var free = groups.requestFreeGroup(clinic.facilityId, directory.staffByUserId(coord).orElseThrow().id(),
                "連絡用", "職員の連絡", coord, "test");
        groups.activate(free.id(), coord, "test");
        correct(coord, CorrectionField.FREE_GROUP_PURPOSE, free.id(), "職員間の勤務連絡（患者情報は書かない）");
        assertThat(groups.group(free.id()).orElseThrow().purpose()).isEqualTo("職員間の勤務連絡（患者情報は書かない）");
    }

    @Test
    @DisplayName("A7: the office corrects a facility's telephone: the facility keeps the corrected state as a version; an MCS administrator is not offered facilities")
    void facility() {
        String office = Fixture.facility(directory, FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
        ProcessInstance byAdmin = start(admin, "register-correction", Map.of());
        assertThat(runtimeService.getVariable(byAdmin.getId(), "correctionOptions").toString()).doesNotContain("事業所 ");

        ProcessInstance instance = correct(office, CorrectionField.FACILITY_TELEPHONE, clinic.facilityId, "042-111-2222");
        assertThat(instance).isEnded().hasPassed("EndEvent_Corrected");
        assertThat(facilities.application(clinic.facilityId).orElseThrow().telephone()).isEqualTo("042-111-2222");
        assertThat(facilities.versions(clinic.facilityId)).last().satisfies(v -> {
            assertThat(v.changeKind()).isEqualTo("CORRECTED");
            assertThat(v.telephone()).isEqualTo("042-111-2222");
        });
        assertThat(history(clinic.facilityId, CorrectionField.FACILITY_TELEPHONE))
                .isEqualTo("[ -> 042-111-2222 / APPLIED / " + office + " / " + office + "]");
    }

    @Test
    @DisplayName("A6: a consent record's correction is applied only once the facility manager approves it")
    void consentApproved() {
        ProcessInstance instance = correct(coord, CorrectionField.CONSENT_METHOD, consentId, "口頭");
        assertThat(instance).isWaitingAt("UserTask_Approve");
        assertThat(jdbc.sql("SELECT method FROM consent WHERE id = ?").param(consentId).query(String.class).single())
                .as("nothing changed before the approval").isEqualTo("WRITTEN");
        assertThat(runtimeService.getVariable(instance.getId(), "correctionSummary").toString())
                .contains("「書面」から「口頭」", "登録時の入力誤り");

        complete(instance, manager, Map.of("correctionDecision", "approve"));
        assertThat(instance).isEnded().hasPassed("Task_CheckApproval", "Task_Apply", "EndEvent_Corrected");
        assertThat(jdbc.sql("SELECT method FROM consent WHERE id = ?").param(consentId).query(String.class).single())
                .isEqualTo("VERBAL");
        assertThat(history(consentId, CorrectionField.CONSENT_METHOD))
                .isEqualTo("[書面 -> 口頭 / APPLIED / " + coord + " / " + manager + "]");
    }

    @Test
    @DisplayName("A6: refused by the manager with a reason: the consent record stays, the refusal is in the history")
    void consentRefused() {
        ProcessInstance instance = correct(coord, CorrectionField.CONSENT_DATE, consentId, "2026-10-31");
        assertThatThrownBy(() -> complete(instance, manager, Map.of("correctionDecision", "reject")))
                .isInstanceOf(UserError.class).hasMessageContaining("却下の理由");
        complete(instance, manager, Map.of("correctionDecision", "reject", "correctionComment", "同意書の日付は11月1日"));
        assertThat(instance).isEnded().hasPassed("Task_Refuse", "EndEvent_Refused");
        assertThat(jdbc.sql("SELECT CAST(consent_date AS VARCHAR(10)) FROM consent WHERE id = ?").param(consentId)
                .query(String.class).single()).isEqualTo("2026-11-01");
        assertThat(history(consentId, CorrectionField.CONSENT_DATE))
                .isEqualTo("[2026-11-01 -> 2026-10-31 / REFUSED / " + coord + " / " + manager + "]");
    }

    @Test
    @DisplayName("A6, A7 trust boundary: the approval handed to the coordinator who asked, or to another facility's manager: refused")
    void consentApprovalOnlyByTheManager() {
        String otherManager = Fixture.facility(directory, FacilityKind.PHARMACY).person("mgr", Role.MANAGER).userId();
        ProcessInstance instance = correct(coord, CorrectionField.CONSENT_CONSENTER_NAME, consentId, "山田 花子");
        var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.setAssignee(task.getId(), otherManager);
        assertThatThrownBy(() -> complete(task, otherManager, Map.of("correctionDecision", "approve")))
                .isInstanceOf(UserError.class).hasMessageContaining("事業所管理者");
        assertThat(instance).isWaitingAt("UserTask_Approve");
        assertThat(history(consentId, CorrectionField.CONSENT_CONSENTER_NAME)).contains("REQUESTED");
    }

    @Test
    @DisplayName("A6: no decision by the deadline: recorded as expired, the consent record unchanged; nothing entered: no correction")
    void expiries() {
        ProcessInstance instance = correct(coord, CorrectionField.CONSENT_RELATION, consentId, "長女");
        ProcessInstance idle = start(admin, "register-correction", Map.of());
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 8L * 24 * 3600 * 1000));
        runJobs(instance);
        runJobs(idle);
        assertThat(instance).isEnded().hasPassed("Task_RecordExpired", "EndEvent_ApprovalExpired");
        assertThat(history(consentId, CorrectionField.CONSENT_RELATION)).contains("EXPIRED");
        assertThat(idle).isEnded().hasPassed("EndEvent_NotEntered");
    }

    @Test
    @DisplayName("bad input: a wrong format, the same value, no reason, an entry the person is not responsible for, a duplicate e-mail, a starter without the role")
    void badInput() {
        ProcessInstance instance = start(admin, "register-correction", Map.of());
        assertThatThrownBy(() -> complete(instance, admin, form(CorrectionField.STAFF_KANA, nurse.id(), "shiken")))
                .isInstanceOf(UserError.class).hasMessageContaining("全角カタカナ");
        assertThatThrownBy(() -> complete(instance, admin, form(CorrectionField.STAFF_EMAIL, nurse.id(), "x@y")))
                .hasMessageContaining("メールアドレスの形式");
        assertThatThrownBy(() -> complete(instance, admin, form(CorrectionField.STAFF_NAME, nurse.id(), "試験 nurse")))
                .hasMessageContaining("同じ");
        Map<String, Object> noReason = form(CorrectionField.STAFF_NAME, nurse.id(), "試験 花子");
        noReason.remove("correctionReason");
        assertThatThrownBy(() -> complete(instance, admin, noReason)).hasMessageContaining("訂正の理由");
        assertThatThrownBy(() -> complete(instance, admin, form(CorrectionField.PATIENT_NAME, patientId, "山田 次郎")))
                .as("a patient is the coordinator's").hasMessageContaining("選択肢にない");
        Staff outsider = Fixture.facility(directory, FacilityKind.PHARMACY).person("staff");
        assertThatThrownBy(() -> complete(instance, admin, form(CorrectionField.STAFF_NAME, outsider.id(), "x")))
                .hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> complete(instance, admin, form(CorrectionField.STAFF_EMAIL, nurse.id(),
                admin + "@example.jp"))).hasMessageContaining("重複");
        assertThat(directory.staff(nurse.id()).orElseThrow().email()).isEqualTo(nurse.email());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM correction WHERE record_key = ? AND kind = 'STAFF'")
                .param(String.valueOf(nurse.id()))
                .query(Long.class).single()).isZero();

        ProcessInstance byCoordinator = start(coord, "register-correction", Map.of());
        assertThatThrownBy(() -> complete(byCoordinator, coord, form(CorrectionField.CONSENT_CONSENTER, consentId, "親戚")))
                .hasMessageContaining("「家族」か「本人」");
        assertThatThrownBy(() -> complete(byCoordinator, coord, form(CorrectionField.PATIENT_BIRTH_DATE, patientId,
                "2099-01-01"))).hasMessageContaining("未来");

        assertThatThrownBy(() -> start(nurse.userId(), "register-correction", Map.of()))
                .isInstanceOf(RuntimeException.class);
    }
}
