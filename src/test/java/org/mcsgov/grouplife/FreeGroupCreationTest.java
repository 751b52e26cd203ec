package org.mcsgov.grouplife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("free-group-creation (A5-1)")
class FreeGroupCreationTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    Fixture facility;
    String coord;

    @BeforeEach
    void facility() {
        facility = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        coord = facility.person("coord", Role.COORDINATOR).userId();
    }

    @Test
    @DisplayName("A5-1: purpose recorded, no-patient-information confirmed, creator is the first member")
    void created() {
        ProcessInstance instance = start(coord, "free-group-creation", Map.of());
        complete(instance, coord, Map.of("groupName", "連絡会", "purpose", "勉強会の日程調整", "noPatientInfo", true));
        runJobs(instance);
        long groupId = (Long) runtimeService.getVariable(instance.getId(), "groupId");
        assertThat(instance.getBusinessKey()).isNull();
        complete(instance, coord, Map.of("mcsOutcome", "done"));

        assertThat(instance).isEnded().hasPassed("Task_ActivateGroup");
        Group group = groups.group(groupId).orElseThrow();
        assertThat(group.kind()).isEqualTo("FREE");
        assertThat(group.patientId()).isNull();
        assertThat(group.purpose()).isEqualTo("勉強会の日程調整");
        assertThat(groups.currentMembers(groupId)).extracting(Member::userId).containsExactly(coord);
    }

    @Test
    @DisplayName("cancelled in MCS: the group is never active")
    void cancelled() {
        ProcessInstance instance = start(coord, "free-group-creation", Map.of());
        complete(instance, coord, Map.of("groupName", "連絡会", "purpose", "調整", "noPatientInfo", true));
        runJobs(instance);
        long groupId = (Long) runtimeService.getVariable(instance.getId(), "groupId");
        complete(instance, coord, Map.of("mcsOutcome", "notDone", "mcsComment", "不要になった"));
        assertThat(instance).isEnded().hasPassed("Task_CancelGroup");
        assertThat(groups.group(groupId).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(groups.currentMembers(groupId)).isEmpty();
    }

    @Test
    @DisplayName("A5-1: without the confirmation or a purpose the form is refused")
    void invalid() {
        ProcessInstance instance = start(coord, "free-group-creation", Map.of());
        assertThatThrownBy(() -> complete(instance, coord, Map.of("groupName", "連絡会", "purpose", "調整",
                "noPatientInfo", false))).isInstanceOf(UserError.class).hasMessageContaining("患者情報");
        assertThatThrownBy(() -> complete(instance, coord, Map.of("groupName", "連絡会", "noPatientInfo", true)))
                .isInstanceOf(UserError.class).hasMessageContaining("目的");
        assertThat(instance).isWaitingAt("Task_DefineFreeGroup");
    }

    @Test
    @DisplayName("only coordinators start it")
    void wrongRole() {
        String staff = facility.person("staff").userId();
        assertThatThrownBy(() -> start(staff, "free-group-creation", Map.of()))
                .isInstanceOf(AuthorizationException.class);
    }
}
