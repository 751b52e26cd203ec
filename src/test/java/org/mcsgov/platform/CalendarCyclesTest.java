package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.web.PeriodicDutyList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

@DisplayName("periodic duties on calendar dates that no release moves (N1-3, A9-2, A11-1; issue 13)")
class CalendarCyclesTest extends EngineTestSupport {

    private static final List<String> CYCLES = List.of("membership-review-cycle", "security-training",
            "password-attestation", "staff-reconciliation");

    @Autowired ProcessDeployer deployer;
    @Autowired PeriodicDutyList periodicDuties;

    private Map<String, Date> nextDates() {
        Map<String, Date> next = new LinkedHashMap<>();
        for (String key : CYCLES) {
            var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            next.put(key, engine.getManagementService().createJobQuery().processDefinitionId(definition.getId())
                    .timers().singleResult().getDuedate());
        }
        return next;
    }

    /** A release that changes one label of one form (the case): every process is deployed again. */
    private void release(String label) throws Exception {
        String form = new ClassPathResource("forms/training-record.form").getContentAsString(StandardCharsets.UTF_8);
        var result = deployer.deploy(Map.of("forms/training-record.form",
                form.replaceFirst("\"label\": \"[^\"]*\"", "\"label\": \"" + label + "\"").getBytes(StandardCharsets.UTF_8)));
        assertThat(result.getDeployedProcessDefinitions()).as("every process deployed again").hasSizeGreaterThan(20);
    }

    @Test
    @DisplayName("a release between two cycles keeps every next date and every running instance")
    void releaseMovesNothing() throws Exception {
        try {
            twoReleases();
        } finally {
            // the releases are dated 2027 and Camunda's duplicate filter compares a deployment with the latest by
            // deploy time: the class path's own resources go last, so that a later start on this database (the
            // shared PostgreSQL one: RestartIT) finds them unchanged instead of redeploying on every start
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-20T02:00:00Z")));
            deployer.deploy(Map.of());
            ClockUtil.reset();
        }
    }

    private void twoReleases() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-10T01:00:00Z")));
        release("実施日（第1版）");
        Map<String, Date> before = nextDates();
        ZoneId zone = ZoneId.systemDefault();
        before.values().forEach(date -> assertThat(date.toInstant().atZone(zone).getDayOfMonth()).isEqualTo(1));
        assertThat(before.get("password-attestation").toInstant().atZone(zone).getMonthValue()).isEqualTo(3);
        assertThat(before.get("membership-review-cycle").toInstant().atZone(zone).getMonthValue()).isEqualTo(4);
        assertThat(before.get("security-training").toInstant().atZone(zone).getMonthValue()).isEqualTo(4);
        assertThat(before.get("staff-reconciliation")).isEqualTo(before.get("membership-review-cycle"));

        Fixture clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        String coord = clinic.person("coord", Role.COORDINATOR).userId();
        ProcessInstance running = start(coord, "patient-consent", Map.of("patientName", "暦 太郎",
                "patientKana", "コヨミ タロウ", "birthDate", "1940-01-01"));
        String runningDefinition = running.getProcessDefinitionId();

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-20T01:00:00Z")));
        release("実施日（第2版）");

        assertThat(nextDates()).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(runningDefinition);
        assertThat(taskService.createTaskQuery().processInstanceId(running.getId()).count()).isEqualTo(1);

        identityService.setAuthentication("office-reader", List.of(Role.OFFICE.groupId(null)));
        try {
            assertThat(periodicDuties.rows(Map.of()).all()).extracting(PeriodicDutyList.Row::processKey)
                    .containsAll(CYCLES);
        } finally {
            identityService.clearAuthentication();
        }
        System.out.println("next dates after two releases: " + nextDates());
    }
}
