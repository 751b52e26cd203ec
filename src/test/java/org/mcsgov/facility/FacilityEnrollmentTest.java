package org.mcsgov.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.FacilityRegister.Version;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("facility-enrollment: the office records, approves, returns or rejects; active with manager and MCS administrator (A7, A8-5, N1-2)")
class FacilityEnrollmentTest extends ProcessTestSupport {

    private EnrollmentFixture scene;

    @BeforeEach
    void office() {
        scene = new EnrollmentFixture(this);
    }

    @Autowired FacilityRegister facilities;

    private FacilityRegister.Status status() {
        return facilities.status(scene.facilityId);
    }

    private Staff staff(String place) {
        return directory.staffByUserId(scene.user(place)).orElseThrow();
    }

    @Test
    @DisplayName("A7, A8-5, A9-1, N1-2: approved, manager and MCS administrator onboarded with their pledges, then ACTIVE")
    void approvedAndActive() {
        ProcessInstance instance = scene.apply();
        assertThat(instance).isWaitingAt("UserTask_Decide");
        assertThat(status()).isEqualTo(FacilityRegister.Status.APPLIED);
        assertThat(runtimeService.getVariable(instance.getId(), "applicationSummary").toString())
                .contains("ひばり在宅診療所", "雲雀 一郎", "連携守秘誓約書の締結日: 2026-04-01");

        decide(instance, scene.office, "approve", null);
        assertThat(status()).isEqualTo(FacilityRegister.Status.APPROVED);
        assertThat(tasks(instance, "UserTask_SignPledge")).hasSize(2);
        assertThat(staff("manager").status()).isEqualTo("PENDING");

        scene.onboard(instance, "manager", "雲雀 一郎");
        // N1-2: the manager is active, the facility is not yet: its staff cannot be invited
        assertThat(staff("manager").isActive()).isTrue();
        assertThat(directory.facilityActive(scene.facilityId)).isFalse();
        assertThat(directory.activeStaffOfMcsFacilities()).noneMatch(s -> s.facilityId().equals(scene.facilityId));

        scene.onboard(instance, "admin1", "雲雀 花子");
        assertThat(instance).isEnded().hasPassed("Task_CheckStaffed", "EndEvent_Active");
        assertThat(status()).isEqualTo(FacilityRegister.Status.ACTIVE);
        assertThat(directory.activeRoles(staff("manager").id())).contains(Role.MANAGER).doesNotContain(Role.MCS_ADMIN);
        assertThat(directory.activeRoles(staff("admin1").id())).contains(Role.MCS_ADMIN);
        assertThat(identityService.createGroupQuery().groupMember(scene.user("admin1")).groupId(scene.facilityId + "-admin").count())
                .isOne();
        assertThat(facilities.versions(scene.facilityId)).extracting(Version::changeKind)
                .containsExactly("APPLIED", "APPROVED", "ACTIVE");
        assertThat(directory.activeStaffOfMcsFacilities()).anyMatch(s -> s.facilityId().equals(scene.facilityId));
    }

    @Test
    @DisplayName("DESIGN §3b: returned with a comment, revised by the office (old values kept as a version), approved")
    void returnedAndRevised() {
        ProcessInstance instance = scene.apply();
        decide(instance, scene.office, "return", "電話番号が申込書と違います");
        assertThat(instance).isWaitingAt("UserTask_Revise");
        assertThat(singleTask(instance, scene.office).getAssignee()).isEqualTo(scene.office);
        Map<String, Object> revised = new HashMap<>(scene.application());
        revised.put("facilityTelephone", "042-000-0002");
        revised.put("managerIsAdmin", true);
        // the revision form shows the recorded values; the office clears the administrator's place
        revised.replaceAll((key, value) -> key.startsWith("admin1") ? "" : value);
        complete(instance, scene.office, revised);
        assertThat(instance).isWaitingAt("UserTask_Decide");
        assertThat(runtimeService.getVariable(instance.getId(), "approvalHistory").toString())
                .contains("差し戻し（電話番号が申込書と違います）", "申込の修正");

        decide(instance, scene.office, "approve", null);
        scene.onboard(instance, "manager", "雲雀 一郎");
        assertThat(instance).isEnded().hasPassed("EndEvent_Active");
        assertThat(directory.activeRoles(staff("manager").id())).contains(Role.MANAGER, Role.MCS_ADMIN);
        assertThat(facilities.versions(scene.facilityId)).extracting(Version::changeKind)
                .containsExactly("APPLIED", "RETURNED", "REVISED", "APPROVED", "ACTIVE");
        assertThat(facilities.versions(scene.facilityId).get(0).telephone()).isEqualTo("042-000-0001");
        assertThat(facilities.application(scene.facilityId).orElseThrow().telephone()).isEqualTo("042-000-0002");
        assertThat(directory.staffByUserId(scene.user("admin1"))).isEmpty();
    }

    @Test
    @DisplayName("A7: rejected with a reason; no groups, no accounts, the row stays as history")
    void rejected() {
        ProcessInstance instance = scene.apply();
        assertThatThrownBy(() -> decide(instance, scene.office, "reject", null)).isInstanceOf(UserError.class);
        decide(instance, scene.office, "reject", "連携守秘誓約書が届いていません");
        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(status()).isEqualTo(FacilityRegister.Status.REJECTED);
        assertThat(facilities.versions(scene.facilityId).get(1).reason()).isEqualTo("連携守秘誓約書が届いていません");
        assertThat(identityService.createGroupQuery().groupId(scene.facilityId + "-admin").count()).isZero();
        assertThat(directory.staffByUserId(scene.user("manager"))).isEmpty();
    }

    @Test
    @DisplayName("A9-1, N1-2: the MCS administrator refuses the pledge: not ACTIVE, the office names someone else")
    void administratorRefusesPledge() {
        ProcessInstance instance = scene.apply();
        decide(instance, scene.office, "approve", null);
        scene.onboard(instance, "manager", "雲雀 一郎");
        complete(scene.task(instance, "UserTask_SignPledge", "admin1"), scene.office, Map.of("pledgeDecision", "refused"));
        assertThat(instance).isWaitingAt("UserTask_Revise");
        assertThat(status()).isEqualTo(FacilityRegister.Status.APPROVED);
        assertThat(staff("admin1").status()).isEqualTo("CLOSED");

        Map<String, Object> revised = new HashMap<>(scene.application());
        revised.putAll(Map.of("admin1UserId", scene.user("admin2"), "admin1Name", "燕 次郎", "admin1Kana", "ツバメ ジロウ",
                "admin1Email", scene.user("admin2") + "@example.jp"));
        complete(instance, scene.office, revised);
        decide(instance, scene.office, "approve", null);
        assertThat(tasks(instance, "UserTask_SignPledge")).hasSize(1);
        scene.onboard(instance, "admin2", "燕 次郎");
        assertThat(instance).isEnded().hasPassed("EndEvent_Active");
        assertThat(status()).isEqualTo(FacilityRegister.Status.ACTIVE);
    }

    @Test
    @DisplayName("A7, A11-2: bad input refused on the server; only the office decides")
    void badInput() {
        Map<String, Object> taken = new HashMap<>(scene.application());
        taken.put("managerUserId", scene.office);
        assertThatThrownBy(() -> start(scene.office, "facility-enrollment", taken)).isInstanceOf(UserError.class)
                .hasMessageContaining("1人1ID");
        Map<String, Object> noAdmin = new HashMap<>(scene.application());
        noAdmin.keySet().removeIf(k -> k.startsWith("admin1"));
        assertThatThrownBy(() -> start(scene.office, "facility-enrollment", noAdmin)).isInstanceOf(UserError.class);
        Map<String, Object> future = new HashMap<>(scene.application());
        future.put("agreementDate", "2999-01-01");
        assertThatThrownBy(() -> start(scene.office, "facility-enrollment", future)).isInstanceOf(UserError.class);
        assertThat(directory.facility(scene.facilityId)).isEmpty();
    }
}
