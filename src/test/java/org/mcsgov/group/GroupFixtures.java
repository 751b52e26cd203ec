package org.mcsgov.group;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mcsgov.TestNames;
import org.mcsgov.patient.ConsentFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** Drives consent and group creation for tests that need an active patient group. */
public abstract class GroupFixtures extends ConsentFixtures {

    @Autowired protected GroupService groups;

    /** A consented patient's active group, created by the coordinator; patientTakesPart as the form would set it. */
    protected Group activePatientGroup(String coordinator, boolean patientTakesPart) {
        long patientId = consentedPatient(coordinator, "患者 " + TestNames.kana(), TestNames.kana());
        ProcessInstance creation = start(coordinator, "patient-group-creation", Map.of());
        Map<String, Object> form = new HashMap<>(Map.of("patientId", String.valueOf(patientId)));
        form.put("patientTakesPart", patientTakesPart);
        complete(creation, coordinator, form);
        runJobs(creation);
        complete(creation, coordinator, Map.of("mcsOutcome", "done"));
        return groups.liveGroupOf(patientId).orElseThrow();
    }
}
