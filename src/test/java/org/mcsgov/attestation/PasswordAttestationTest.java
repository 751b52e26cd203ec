package org.mcsgov.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.CampaignFixture;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;

@DisplayName("password-attestation: every staff member attests; reminder after 7 days, escalation after 14 (A11-1, A11-3, A11-4)")
class PasswordAttestationTest extends ProcessTestSupport {

    private final CampaignFixture campaigns = new CampaignFixture(this);

    static final Map<String, Object> ALL_CONFIRMED = Map.of("passwordChanged", true, "passwordSecret", true,
            "logsOut", true);

    @Autowired AttestationController controller;

    Fixture clinic;
    String admin;
    String nurse;

    @BeforeEach
    void facility() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        nurse = clinic.person("nurse").userId();
    }

    private Object historyAs(String reader, String userId) {
        as(reader);
        try {
            return controller.attestationsOf(userId);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The association office reads every person's history. */
    private List<AttestationSteps.Attestation> history(String userId) {
        identityService.setAuthentication("auditor", List.of(Role.OFFICE.groupId(null)));
        try {
            return controller.attestationsOf(userId);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    @DisplayName("A11-1: everybody attests on time; the history is readable by the person, the administrator, the office")
    void attested() {
        ProcessInstance campaign = campaigns.campaign("password-attestation", clinic.facilityId);
        assertThat(visibleTasks(campaign, nurse)).isEqualTo(1);
        complete(campaign, nurse, ALL_CONFIRMED);
        complete(campaign, admin, ALL_CONFIRMED);
        assertThat(campaign).isEnded();
        String mine = campaigns.child(campaign, nurse);
        assertThat(campaigns.passed(mine, "EndEvent_Done")).isTrue();
        assertThat(campaigns.passed(mine, "Task_Remind")).isFalse();

        var history = history(nurse);
        assertThat(historyAs(nurse, nurse)).isEqualTo(history);
        assertThat(historyAs(admin, nurse)).isEqualTo(history);
        assertThat(history).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("ATTESTED");
            assertThat(a.nextDueAt()).isAfter(a.attestedAt().plusDays(55));
        });
        String outsider = Fixture.facility(directory, FacilityKind.PHARMACY).person("admin", Role.MCS_ADMIN).userId();
        assertThatThrownBy(() -> historyAs(outsider, nurse)).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("403");
    }

    @Test
    @DisplayName("A11-1: overdue: reminded after 7 days, escalated to the MCS administrator after 14")
    void overdueRemindedAndEscalated() {
        ProcessInstance campaign = campaigns.campaign("password-attestation", clinic.facilityId);
        complete(campaign, admin, ALL_CONFIRMED);
        String mine = campaigns.child(campaign, nurse);
        campaigns.daysLater(campaign, 8);
        assertThat(campaigns.passed(mine, "Task_Remind")).isTrue();
        assertThat(campaigns.passed(mine, "Task_ListOverdue")).isFalse();
        campaigns.daysLater(campaign, 7);
        assertThat((String) campaigns.variables(mine).get("overdueSummary")).contains(nurse);
        assertThat(history(nurse).get(0).status()).isEqualTo("OVERDUE");
        complete(campaign, admin, Map.of("followUp", "本人に電話で確認を依頼した"));
        complete(campaign, nurse, ALL_CONFIRMED);
        assertThat(campaign).isEnded();
        assertThat(campaigns.passed(mine, "EndEvent_Escalated")).isTrue();
        assertThat(history(nurse).get(0).status()).isEqualTo("ATTESTED");
    }

    @Test
    @DisplayName("bad input: every statement must be confirmed; the follow-up needs its content; only the person sees the task")
    void badInput() {
        ProcessInstance campaign = campaigns.campaign("password-attestation", clinic.facilityId);
        Map<String, Object> partly = new HashMap<>(ALL_CONFIRMED);
        partly.put("logsOut", false);
        assertThatThrownBy(() -> complete(campaign, nurse, partly)).isInstanceOf(UserError.class)
                .hasMessageContaining("ログアウト");
        assertThat(visibleTasks(campaign, admin)).isEqualTo(1);   // only the administrator's own
        complete(campaign, admin, ALL_CONFIRMED);
        campaigns.daysLater(campaign, 15);
        assertThatThrownBy(() -> complete(campaign, admin, Map.of())).hasMessageContaining("対応の内容");
    }
}
