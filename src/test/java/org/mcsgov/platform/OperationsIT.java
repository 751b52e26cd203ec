package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.TestNames;

/** What operations watch: health of the engine, the database and the job executor; gauges for Prometheus. */
@DisplayName("operations: health and Prometheus metrics")
class OperationsIT extends AppTestSupport {

    @Test
    @DisplayName("health: UP with the process engine, the job executor and the database, without logging in")
    void health() {
        var response = get(null, "/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String component : new String[] {"processEngine", "jobExecutor", "db"}) {
            assertThat(health.get("components").get(component).get("status").asText()).as(component).isEqualTo("UP");
        }
    }

    @Test
    @DisplayName("metrics: open tasks per process count a new task; jobs due and open incidents are exported")
    void prometheus() {
        double before = openTasks("patient-consent");
        var started = post("clinic-coord", "/engine-rest/process-definition/key/patient-consent/start", variables(Map.of(
                "patientName", "指標 確認", "patientKana", TestNames.kana(), "birthDate", "1940-01-01")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(openTasks("patient-consent")).isEqualTo(before + 1);

        String metrics = scrape();
        assertThat(metrics).containsPattern("(?m)^mcs_jobs_due(\\{[^}]*\\})? \\d")
                .containsPattern("(?m)^mcs_incidents_open(\\{[^}]*\\})? \\d")
                .containsPattern("(?m)^mcs_revocations_overdue(\\{[^}]*\\})? \\d")
                .contains("process=\"group-invitation\"", "process=\"staff-offboarding\"");
    }

    private double openTasks(String process) {
        var matcher = Pattern.compile("(?m)^mcs_tasks_open\\{[^}]*process=\"" + Pattern.quote(process)
                + "\"[^}]*\\} (\\S+)").matcher(scrape());
        assertThat(matcher.find()).as("gauge of " + process).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private String scrape() {
        var response = get(null, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
