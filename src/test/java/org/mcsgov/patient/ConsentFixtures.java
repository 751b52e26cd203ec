package org.mcsgov.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mcsgov.ProcessTestSupport;

/** Drives "patient-consent" for tests that need a consented patient. */
public abstract class ConsentFixtures extends ProcessTestSupport {

    protected static Map<String, Object> patientForm(String name, String kana, String birthDate) {
        return new HashMap<>(Map.of("patientName", name, "patientKana", kana, "birthDate", birthDate));
    }

    protected static Map<String, Object> grantedByPatient() {
        return new HashMap<>(Map.of("explanation", "主治医・訪問看護・薬局と療養情報を共有（体調管理のため）",
                "consentDecision", "granted", "consenterType", "patient", "consenterName", "本人",
                "consentMethod", "written", "consentDate", "2026-11-01", "documentRef", "同意書-001"));
    }

    /** Runs the consent procedure to its end and returns the new patient's id. */
    protected long consentedPatient(String coordinator, String name, String kana) {
        ProcessInstance instance = start(coordinator, "patient-consent", patientForm(name, kana, "1940-02-03"));
        long patientId = (Long) runtimeService.getVariable(instance.getId(), "patientId");
        complete(instance, coordinator, grantedByPatient());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        return patientId;
    }
}
