package org.mcsgov.grouplife;

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
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupFixture;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("membership-removal: every way a membership ends (A5-2, A8-4, N1-3, N3-6)")
class MembershipRemovalTest extends ProcessTestSupport {

    @Autowired GroupService groups;

    Fixture clinic;
    Fixture station;
    String coord;
    String stationAdmin;
    Staff nurse;
    Group group;
    long membershipId;

    @BeforeEach
    void groupWithANurse() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        stationAdmin = station.person("admin", Role.MCS_ADMIN).userId();
        nurse = station.person("nurse");
        group = new GroupFixture(this, groups).activePatientGroup(coord, false);
        groups.openMembership(group.id(), nurse.id(), "MEMBER", coord, stationAdmin, null, "fixture");
        membershipId = groups.currentMembers(group.id()).stream().filter(m -> m.staffId() == nurse.id())
                .findFirst().orElseThrow().membershipId();
    }

    private ProcessInstance removeAs(String user) {
        ProcessInstance instance = start(user, "membership-removal", Map.of());
        complete(instance, user, Map.of("membershipId", String.valueOf(membershipId), "removalReason", "担当終了"));
        runJobs(instance);
        complete(instance, coord, Map.of("mcsOutcome", "done"));
        return instance;
    }

    private Member ended() {
        return groups.membership(membershipId).orElseThrow();
    }

    @Test
    @DisplayName("A5-2: the coordinator removes a member; who, why and when are recorded")
    void byCoordinator() {
        ProcessInstance instance = removeAs(coord);
        assertThat(instance).isEnded().hasPassed("Task_CloseMembership", "EndEvent_Removed");
        assertThat(ended().validTo()).isNotNull();
        assertThat(ended().closedBy()).isEqualTo(coord);
        assertThat(ended().closeReason()).isEqualTo("連携元事業所が削除: 担当終了");
        assertThat(ended().closedProcessInstanceId()).isEqualTo(instance.getId());
    }

    @Test
    @DisplayName("N3-6: the member removes themself")
    void bySelf() {
        removeAs(nurse.userId());
        assertThat(ended().closeReason()).startsWith("本人が退出");
    }

    @Test
    @DisplayName("A8-4: the member's MCS administrator releases them")
    void byAdministrator() {
        removeAs(stationAdmin);
        assertThat(ended().closeReason()).startsWith("MCS管理者が解除");
    }

    @Test
    @DisplayName("A5-2: nobody else may end it")
    void byOutsider() {
        Fixture otherClinic = Fixture.facility(directory, FacilityKind.CLINIC);
        String outsider = otherClinic.person("coord", Role.COORDINATOR).userId();
        new GroupFixture(this, groups).activePatientGroup(outsider, false);
        ProcessInstance instance = start(outsider, "membership-removal", Map.of());
        assertThatThrownBy(() -> complete(instance, outsider, Map.of("membershipId", String.valueOf(membershipId),
                "removalReason", "x"))).isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        assertThat(ended().validTo()).isNull();
    }

    @Test
    @DisplayName("A8-4: a person cannot pass as another process: variables claiming a kind or a remover are refused")
    void forgedCallRefused() {
        Fixture pharmacy = Fixture.facility(directory, FacilityKind.PHARMACY);
        String outsider = pharmacy.person("staff").userId();
        assertThatThrownBy(() -> start(outsider, "membership-removal", Map.of("membershipId", membershipId,
                "removalKind", "COORDINATOR", "removalReason", "偽装", "removedBy", coord)))
                .isInstanceOf(UserError.class).hasMessageContaining("この画面で入力する項目ではありません");
        assertThat(ended().validTo()).isNull();
    }

    @Test
    @DisplayName("N1-4: the group's coordinator cannot be removed without a handover")
    void coordinatorNeedsHandover() {
        long coordinatorMembership = groups.currentMembers(group.id()).stream().filter(m -> m.userId().equals(coord))
                .findFirst().orElseThrow().membershipId();
        ProcessInstance instance = start(coord, "membership-removal", Map.of());
        assertThatThrownBy(() -> complete(instance, coord, Map.of("membershipId", String.valueOf(coordinatorMembership),
                "removalReason", "異動"))).isInstanceOf(UserError.class).hasMessageContaining("N1-4");
    }

    @Test
    @DisplayName("called by another process; removing a member who already left is a no-op with a note")
    void calledAndIdempotent() {
        removeAs(coord);
        var closedAt = ended().validTo();
        ProcessInstance again = runtimeService.startProcessInstanceByKey("membership-removal", Map.of(
                "membershipId", membershipId, "removalKind", "OFFBOARDING", "removalReason", "退職",
                "removedBy", stationAdmin));
        assertThat(again).isEnded().hasPassed("Task_NoteNoop", "EndEvent_Noop");
        assertThat(ended().validTo()).isEqualTo(closedAt);
        assertThat(ended().closeReason()).startsWith("連携元事業所が削除");
    }

    @Test
    @DisplayName("bad input: a reason is required; an unknown membership is refused")
    void badInput() {
        ProcessInstance instance = start(coord, "membership-removal", Map.of());
        assertThatThrownBy(() -> complete(instance, coord, Map.of("membershipId", String.valueOf(membershipId))))
                .hasMessageContaining("削除の理由");
        assertThatThrownBy(() -> complete(instance, coord, Map.of("membershipId", "99999999", "removalReason", "x")))
                .hasMessageContaining("選択肢にない");
    }
}
