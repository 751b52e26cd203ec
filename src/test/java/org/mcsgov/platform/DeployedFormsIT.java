package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppTestSupport;
import org.mcsgov.TestNames;

/** The .form files are deployed with the processes and served to Tasklist (DESIGN.md §9). */
@DisplayName("Camunda Forms are deployed and served")
class DeployedFormsIT extends AppTestSupport {

    @Test
    @DisplayName("the start form and the task form come from the deployment, in Japanese")
    void formsServed() {
        var start = get("clinic-coord", "/engine-rest/process-definition/key/patient-consent/deployed-start-form");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(json(start).get("id").asText()).isEqualTo("patient-consent-start");
        assertThat(start.body()).contains("患者氏名");

        var started = post("clinic-coord", "/engine-rest/process-definition/key/patient-consent/start",
                variables(Map.of("patientName", "様式 確認", "patientKana", TestNames.kana(), "birthDate", "1942-02-02")));
        String instanceId = json(started).get("id").asText();
        String taskId = json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId)).get(0).get("id").asText();
        var form = get("clinic-coord", "/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(json(form).get("id").asText()).isEqualTo("patient-consent-record");
    }

    @Test
    @DisplayName("bad input to a start through the REST API is the caller's mistake: 400 with the message, not 500")
    void badStartInput() {
        var refused = post("clinic-coord", "/engine-rest/process-definition/key/patient-consent/start",
                variables(Map.of("patientName", "様式 確認", "patientKana", TestNames.kana(), "birthDate", "2999-02-02")));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).get("message").asText()).contains("「生年月日」に未来", "birthDate");

        var unknown = post("clinic-coord", "/engine-rest/process-definition/key/no-such-process/start", variables(Map.of()));
        assertThat(unknown.statusCode()).as("other REST errors keep their status").isEqualTo(404);
    }

    @Test
    @DisplayName("every process and form of bpmn/ and forms/ is in one deployment named mcs-governance")
    void oneDeployment() {
        var resources = json(get("office", "/engine-rest/deployment/" + json(get("office",
                "/engine-rest/deployment?name=mcs-governance&sortBy=deploymentTime&sortOrder=desc")).get(0).get("id").asText()
                + "/resources"));
        assertThat(resources).extracting(r -> r.get("name").asText())
                .contains("bpmn/patient-consent.bpmn", "forms/patient-consent-start.form", "bpmn/mcs-action.bpmn");
    }
}
