package org.mcsgov.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.FacilityRegister.Version;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("facility-enrollment: the office records, approves, returns or rejects; active with manager and MCS administrator (A7, A8-5, N1-2)")
class FacilityEnrollmentTest extends EnrollmentFixtures {

    @Autowired FacilityRegister facilities;

    private FacilityRegister.Status status() {
        return facilities.status(facilityId);
    }

    private Staff staff(String place) {
        return directory.staffByUserId(user(place)).orElseThrow();
    }

    @Test
    @DisplayName("A7, A8-5, A9-1, N1-2: approved, manager and MCS administrator onboarded with their pledges, then ACTIVE")
    void approvedAndActive() {
        ProcessInstance instance = apply();
        assertThat(instance).isWaitingAt("UserTask_Decide");
        assertThat(status()).isEqualTo(FacilityRegister.Status.APPLIED);
        assertThat(runtimeService.getVariable(instance.getId(), "applicationSummary").toString())
                .contains("ひばり在宅診療所", "雲雀 一郎", "連携守秘誓約書の締結日: 2026-04-01");

        decide(instance, office, "approve", null);
        assertThat(status()).isEqualTo(FacilityRegister.Status.APPROVED);
        assertThat(tasks(instance, "UserTask_SignPledge")).hasSize(2);
        assertThat(staff("manager").status()).isEqualTo("PENDING");

        onboard(instance, "manager", "雲雀 一郎");
        // N1-2: the manager is active, the facility is not yet: its staff cannot be invited
        assertThat(staff("manager").isActive()).isTrue();
        assertThat(directory.facilityActive(facilityId)).isFalse();
        assertThat(directory.activeStaffOfMcsFacilities()).noneMatch(s -> s.facilityId().equals(facilityId));

        onboard(instance, "admin1", "雲雀 花子");
        assertThat(instance).isEnded().hasPassed("Task_CheckStaffed", "EndEvent_Active");
        assertThat(status()).isEqualTo(FacilityRegister.Status.ACTIVE);
        assertThat(directory.activeRoles(staff("manager").id())).contains(Role.MANAGER).doesNotContain(Role.MCS_ADMIN);
        assertThat(directory.activeRoles(staff("admin1").id())).contains(Role.MCS_ADMIN);
        assertThat(identityService.createGroupQuery().groupMember(user("admin1")).groupId(facilityId + "-admin").count())
                .isOne();
        assertThat(facilities.versions(facilityId)).extracting(Version::changeKind)
                .containsExactly("APPLIED", "APPROVED", "ACTIVE");
        assertThat(directory.activeStaffOfMcsFacilities()).anyMatch(s -> s.facilityId().equals(facilityId));
    }

    @Test
    @DisplayName("DESIGN §3b: returned with a comment, revised by the office (old values kept as a version), approved")
    void returnedAndRevised() {
        ProcessInstance instance = apply();
        decide(instance, office, "return", "電話番号が申込書と違います");
        assertThat(instance).isWaitingAt("UserTask_Revise");
        assertThat(singleTask(instance, office).getAssignee()).isEqualTo(office);
        Map<String, Object> revised = new HashMap<>(application());
        revised.put("facilityTelephone", "042-000-0002");
        revised.put("managerIsAdmin", true);
        // the revision form shows the recorded values; the office clears the administrator's place
        revised.replaceAll((key, value) -> key.startsWith("admin1") ? "" : value);
        complete(instance, office, revised);
        assertThat(instance).isWaitingAt("UserTask_Decide");
        assertThat(runtimeService.getVariable(instance.getId(), "approvalHistory").toString())
                .contains("差し戻し（電話番号が申込書と違います）", "申込の修正");

        decide(instance, office, "approve", null);
        onboard(instance, "manager", "雲雀 一郎");
        assertThat(instance).isEnded().hasPassed("EndEvent_Active");
        assertThat(directory.activeRoles(staff("manager").id())).contains(Role.MANAGER, Role.MCS_ADMIN);
        assertThat(facilities.versions(facilityId)).extracting(Version::changeKind)
                .containsExactly("APPLIED", "RETURNED", "REVISED", "APPROVED", "ACTIVE");
        assertThat(facilities.versions(facilityId).get(0).telephone()).isEqualTo("042-000-0001");
        assertThat(facilities.application(facilityId).orElseThrow().telephone()).isEqualTo("042-000-0002");
        assertThat(directory.staffByUserId(user("admin1"))).isEmpty();
    }

    @Test
    @DisplayName("A7: rejected with a reason; no groups, no accounts, the row stays as history")
    void rejected() {
        ProcessInstance instance = apply();
        assertThatThrownBy(() -> decide(instance, office, "reject", null)).isInstanceOf(UserError.class);
        decide(instance, office, "reject", "連携守秘誓約書が届いていません");
        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(status()).isEqualTo(FacilityRegister.Status.REJECTED);
        assertThat(facilities.versions(facilityId).get(1).reason()).isEqualTo("連携守秘誓約書が届いていません");
        assertThat(identityService.createGroupQuery().groupId(facilityId + "-admin").count()).isZero();
        assertThat(directory.staffByUserId(user("manager"))).isEmpty();
    }

    @Test
    @DisplayName("A9-1, N1-2: the MCS administrator refuses the pledge: not ACTIVE, the office names someone else")
    void administratorRefusesPledge() {
        ProcessInstance instance = apply();
        decide(instance, office, "approve", null);
        onboard(instance, "manager", "雲雀 一郎");
        complete(task(instance, "UserTask_SignPledge", "admin1"), office, Map.of("pledgeDecision", "refused"));
        assertThat(instance).isWaitingAt("UserTask_Revise");
        assertThat(status()).isEqualTo(FacilityRegister.Status.APPROVED);
        assertThat(staff("admin1").status()).isEqualTo("CLOSED");

        Map<String, Object> revised = new HashMap<>(application());
        revised.putAll(Map.of("admin1UserId", user("admin2"), "admin1Name", "燕 次郎", "admin1Kana", "ツバメ ジロウ",
                "admin1Email", user("admin2") + "@example.jp"));
        complete(instance, office, revised);
        decide(instance, office, "approve", null);
        assertThat(tasks(instance, "UserTask_SignPledge")).hasSize(1);
        onboard(instance, "admin2", "燕 次郎");
        assertThat(instance).isEnded().hasPassed("EndEvent_Active");
        assertThat(status()).isEqualTo(FacilityRegister.Status.ACTIVE);
    }

    @Test
    @DisplayName("A7, A11-2: bad input refused on the server; only the office decides")
    void badInput() {
        Map<String, Object> taken = new HashMap<>(application());
        taken.put("managerUserId", office);
        assertThatThrownBy(() -> start(office, "facility-enrollment", taken)).isInstanceOf(UserError.class)
                .hasMessageContaining("1人1ID");
        Map<String, Object> noAdmin = new HashMap<>(application());
        noAdmin.keySet().removeIf(k -> k.startsWith("admin1"));
        assertThatThrownBy(() -> start(office, "facility-enrollment", noAdmin)).isInstanceOf(UserError.class);
        Map<String, Object> future = new HashMap<>(application());
        future.put("agreementDate", "2999-01-01");
        assertThatThrownBy(() -> start(office, "facility-enrollment", future)).isInstanceOf(UserError.class);
        assertThat(directory.facility(facilityId)).isEmpty();
    }
}
