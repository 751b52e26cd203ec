package org.mcsgov.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.ConsentFixture;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("consent-withdrawal (A6, N2-1)")
class ConsentWithdrawalTest extends ProcessTestSupport {

    private final ConsentFixture consent = new ConsentFixture(this);

    @Autowired PatientService patients;
    @Autowired GroupService groups;
    Fixture clinic;
    String coord;
    long patientId;

    @BeforeEach
    void consented() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        patientId = consent.consentedPatient(coord, "林 一", "ハヤシ ハジメ");
    }

    private Map<String, Object> withdrawal() {
        return new HashMap<>(Map.of("patientId", String.valueOf(patientId), "withdrawnBy", "family",
                "withdrawerName", "林 花子", "withdrawalDate", "2026-11-20", "withdrawalReason", "施設入所のため"));
    }

    private long activeGroup() {
        ProcessInstance creation = start(coord, "patient-group-creation", Map.of());
        complete(creation, coord, Map.of("patientId", String.valueOf(patientId)));
        runJobs(creation);
        complete(creation, coord, Map.of("mcsOutcome", "done"));
        return groups.liveGroupOf(patientId).orElseThrow().id();
    }

    @Test
    @DisplayName("A6/N2-1: withdrawal closes every membership and archives the group once done in MCS")
    void withdrawWithGroup() {
        long groupId = activeGroup();
        ProcessInstance instance = start(coord, "consent-withdrawal", Map.of());
        complete(instance, coord, withdrawal());
        assertThat(patients.hasActiveConsent(patientId)).isFalse();
        assertThat(instance.getProcessInstanceId()).isNotNull();
        runJobs(instance);
        assertThatThrownBy(() -> complete(instance, coord, Map.of("mcsOutcome", "notDone", "mcsComment", "x")))
                .isInstanceOf(UserError.class).hasMessageContaining("取り消せません");

        complete(instance, coord, Map.of("mcsOutcome", "done"));

        assertThat(instance).isEnded().hasPassed("Task_ArchiveGroup", "EndEvent_SharingStopped");
        assertThat(groups.group(groupId).orElseThrow().status()).isEqualTo("ARCHIVED");
        assertThat(groups.currentMembers(groupId)).isEmpty();
        assertThat(groups.membersOn(groupId, org.mcsgov.platform.EngineClock.today()))
                .singleElement().satisfies(m -> assertThat(m.closeReason()).contains("施設入所のため"));
    }

    @Test
    @DisplayName("A6: a patient without a group: the withdrawal is recorded and the process ends")
    void withdrawWithoutGroup() {
        ProcessInstance instance = start(coord, "consent-withdrawal", Map.of());
        complete(instance, coord, withdrawal());
        assertThat(instance).isEnded().hasPassed("EndEvent_NoGroup");
        assertThat(patients.hasActiveConsent(patientId)).isFalse();
    }

    @Test
    @DisplayName("bad input: reason required, patient must be of the facility with an active consent")
    void invalid() {
        ProcessInstance instance = start(coord, "consent-withdrawal", Map.of());
        var noReason = withdrawal();
        noReason.put("withdrawalReason", "");
        assertThatThrownBy(() -> complete(instance, coord, noReason)).isInstanceOf(UserError.class)
                .hasMessageContaining("撤回の理由");
        var otherPatient = withdrawal();
        otherPatient.put("patientId", "99999999");
        // a patient the coordinator was not offered: refused by the input gate before any step runs
        assertThatThrownBy(() -> complete(instance, coord, otherPatient)).isInstanceOf(UserError.class)
                .hasMessageContaining("patientId");
        assertThat(patients.hasActiveConsent(patientId)).isTrue();
    }

    @Test
    @DisplayName("A4 trust boundary: another facility's coordinator naming this clinic's patient (and its facility) is refused")
    void otherFacilitysPatient() {
        Fixture station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        String stationCoord = station.person("coord", Role.COORDINATOR).userId();
        consent.consentedPatient(stationCoord, "森 次郎", "モリ ジロウ");
        ProcessInstance instance = start(stationCoord, "consent-withdrawal", Map.of());
        var forged = withdrawal(); // the clinic's patient (not offered to the station's coordinator)
        forged.put("facilityId", clinic.facilityId);
        assertThatThrownBy(() -> complete(instance, stationCoord, forged)).isInstanceOf(UserError.class)
                .hasMessageContaining("facilityId is not a field");
        assertThatThrownBy(() -> complete(instance, stationCoord, withdrawal())).isInstanceOf(UserError.class)
                .hasMessageContaining("patientId on consent-withdrawal/Task_RecordWithdrawal was not offered");
        assertThat(patients.hasActiveConsent(patientId)).isTrue();
        assertThat(instance).isWaitingAt("Task_RecordWithdrawal");
    }

    @Test
    @DisplayName("nothing to withdraw: the start is refused with a reason")
    void nothingToWithdraw() {
        Fixture other = Fixture.facility(directory, FacilityKind.CLINIC);
        String otherCoord = other.person("coord", Role.COORDINATOR).userId();
        assertThatThrownBy(() -> start(otherCoord, "consent-withdrawal", Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("同意が有効な患者がいない");
    }
}
