package org.mcsgov.group;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.TestNames;
import org.mcsgov.patient.ConsentFixture;

/** Drives consent and group creation through the test's engine for tests that need an active patient group. */
public final class GroupFixture {

    private final EngineTestSupport test;
    private final GroupService groups;
    private final ConsentFixture consent;

    public GroupFixture(EngineTestSupport test, GroupService groups) {
        this.test = test;
        this.groups = groups;
        this.consent = new ConsentFixture(test);
    }

    /** A consented patient's active group, created by the coordinator; patientTakesPart as the form would set it. */
    public Group activePatientGroup(String coordinator, boolean patientTakesPart) {
        long patientId = consent.consentedPatient(coordinator, "患者 " + TestNames.kana(), TestNames.kana());
        ProcessInstance creation = test.start(coordinator, "patient-group-creation", Map.of());
        Map<String, Object> form = new HashMap<>(Map.of("patientId", String.valueOf(patientId)));
        form.put("patientTakesPart", patientTakesPart);
        test.complete(creation, coordinator, form);
        test.runJobs(creation);
        test.complete(creation, coordinator, Map.of("mcsOutcome", "done"));
        return groups.liveGroupOf(patientId).orElseThrow();
    }
}
