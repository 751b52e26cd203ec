package org.mcsgov.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mcsgov.EngineTestSupport;

/** Drives "patient-consent" through the test's engine for tests that need a consented patient. */
public final class ConsentFixture {

    private final EngineTestSupport test;

    public ConsentFixture(EngineTestSupport test) {
        this.test = test;
    }

    public static Map<String, Object> patientForm(String name, String kana, String birthDate) {
        return new HashMap<>(Map.of("patientName", name, "patientKana", kana, "birthDate", birthDate));
    }

    public static Map<String, Object> grantedByPatient() {
        return new HashMap<>(Map.of("explanation", "主治医・訪問看護・薬局と療養情報を共有（体調管理のため）",
                "consentDecision", "granted", "consenterType", "patient", "consenterName", "本人",
                "consentMethod", "written", "consentDate", "2026-11-01", "documentRef", "同意書-001"));
    }

    /** Runs the consent procedure to its end and returns the new patient's id. */
    public long consentedPatient(String coordinator, String name, String kana) {
        ProcessInstance instance = test.start(coordinator, "patient-consent", patientForm(name, kana, "1940-02-03"));
        var runtime = test.engine().getRuntimeService();
        long patientId = (Long) runtime.getVariable(instance.getId(), "patientId");
        test.complete(instance, coordinator, grantedByPatient());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        return patientId;
    }
}
