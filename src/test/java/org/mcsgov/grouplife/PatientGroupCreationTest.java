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
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.ConsentFixture;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("patient-group-creation (A5-1, N1-1, A6)")
class PatientGroupCreationTest extends ProcessTestSupport {

    private final ConsentFixture consent = new ConsentFixture(this);

    @Autowired GroupService groups;
    Fixture clinic;
    String coord;
    long patientId;

    @BeforeEach
    void consentedPatient() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        patientId = consent.consentedPatient(coord, "木村 一", "キムラ ハジメ");
    }

    private ProcessInstance defineGroup(String groupName) {
        ProcessInstance instance = start(coord, "patient-group-creation", Map.of());
        assertThat(instance).isWaitingAt("Task_DefinePatientGroup");
        complete(instance, coord, Map.of("patientId", String.valueOf(patientId), "groupName", groupName));
        runJobs(instance);
        return instance;
    }

    @Test
    @DisplayName("A5-1/N3-8: confirmed in MCS, the group is active with the coordinator as its first member")
    void created() {
        ProcessInstance instance = defineGroup("木村様チーム");
        Group requested = groups.liveGroupOf(patientId).orElseThrow();
        assertThat(requested.status()).isEqualTo("REQUESTED");
        assertThat(instance).isWaitingAt("CallActivity_CreateInMcs");

        complete(instance, coord, Map.of("mcsOutcome", "done"));

        assertThat(instance).isEnded().hasPassed("Task_ActivateGroup", "EndEvent_GroupCreated");
        Group group = groups.group(requested.id()).orElseThrow();
        assertThat(group.status()).isEqualTo("ACTIVE");
        assertThat(group.name()).isEqualTo("木村様チーム");
        assertThat(groups.currentMembers(group.id())).singleElement().satisfies(m -> {
            assertThat(m.userId()).isEqualTo(coord);
            assertThat(m.role()).isEqualTo("COORDINATOR");
            assertThat(m.approvedBy()).isEqualTo(coord);
            assertThat(m.openedProcessInstanceId()).isEqualTo(instance.getId());
        });
    }

    @Test
    @DisplayName("not created in MCS: the request is cancelled with its reason and a new one is possible")
    void cancelledInMcs() {
        ProcessInstance instance = defineGroup("");
        long groupId = groups.liveGroupOf(patientId).orElseThrow().id();
        assertThatThrownBy(() -> complete(instance, coord, Map.of("mcsOutcome", "notDone")))
                .isInstanceOf(UserError.class).hasMessageContaining("理由");

        complete(instance, coord, Map.of("mcsOutcome", "notDone", "mcsComment", "患者の都合で延期"));

        assertThat(instance).isEnded().hasPassed("Task_CancelGroup", "EndEvent_Cancelled");
        assertThat(groups.group(groupId).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(groups.liveGroupOf(patientId)).isEmpty();
        assertThat(groups.group(groupId).orElseThrow().name()).isEqualTo("木村 一様");
        defineGroup("再申請");
        assertThat(groups.liveGroupOf(patientId)).isPresent();
    }

    @Test
    @DisplayName("N1-1: a second request for the same patient gets a clear error")
    void duplicate() {
        defineGroup("一つ目");
        assertThatThrownBy(() -> start(coord, "patient-group-creation", Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("A6");

        long other = consent.consentedPatient(coord, "木村 二", "キムラ ジ");
        ProcessInstance second = start(coord, "patient-group-creation", Map.of());
        assertThatThrownBy(() -> complete(second, coord, Map.of("patientId", String.valueOf(patientId))))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        assertThat(second).isWaitingAt("Task_DefinePatientGroup");
        assertThat(other).isPositive();
    }

    @Test
    @DisplayName("A5-1: another facility's coordinator cannot create this patient's group")
    void wrongFacility() {
        Fixture other = Fixture.facility(directory, FacilityKind.CLINIC);
        String otherCoord = other.person("coord", Role.COORDINATOR).userId();
        consent.consentedPatient(otherCoord, "別 患者", "ベツ カンジャ");
        ProcessInstance instance = start(otherCoord, "patient-group-creation", Map.of());
        assertThatThrownBy(() -> complete(instance, otherCoord, Map.of("patientId", String.valueOf(patientId))))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        assertThat(groups.liveGroupOf(patientId)).isEmpty();
    }

    @Test
    @DisplayName("bad input: an unknown patient id or an over-long name is refused")
    void invalidInput() {
        ProcessInstance instance = start(coord, "patient-group-creation", Map.of());
        assertThatThrownBy(() -> complete(instance, coord, Map.of("patientId", "abc")))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> complete(instance, coord, Map.of("patientId", "99999999")))
                .isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> complete(instance, coord,
                Map.of("patientId", String.valueOf(patientId), "groupName", "長".repeat(101))))
                .isInstanceOf(UserError.class).hasMessageContaining("100文字");
        assertThat(groups.liveGroupOf(patientId)).isEmpty();
    }
}
