package org.mcsgov.mcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.group.GroupService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The MCS port is the system's edge to MCS: an API-backed implementation (mocked here, as MCS has no API yet)
 * that performs the action makes the confirmation task unnecessary, without any change to the processes.
 */
@DisplayName("mcs-action with an API-backed McsActions (N3-8)")
class McsActionTest extends ProcessTestSupport {

    @MockitoBean McsActions mcsActions;
    @Autowired GroupService groups;

    @Test
    @DisplayName("N3-8: an action the port carried out needs no confirmation task; the group becomes active")
    void performedByThePort() {
        when(mcsActions.perform(eq(McsAction.CREATE_FREE_GROUP), any())).thenReturn(McsActions.Outcome.performed());
        Fixture facility = Fixture.facility(directory, FacilityKind.PHARMACY);
        String coord = facility.person("coord", Role.COORDINATOR).userId();

        ProcessInstance instance = start(coord, "free-group-creation", Map.of());
        complete(instance, coord, Map.of("groupName", "薬局連絡", "purpose", "在庫の共有", "noPatientInfo", true));
        long groupId = (Long) runtimeService.getVariable(instance.getId(), "groupId");
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed("Task_ActivateGroup");
        assertThat(groups.group(groupId).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(groups.currentMembers(groupId)).singleElement()
                .satisfies(m -> assertThat(m.approvedBy()).isEqualTo("mcs-api"));
    }
}
