package org.mcsgov.facility;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;

/** The association office of its own and a new facility's application, with unique ids per test. */
abstract class EnrollmentFixtures extends ProcessTestSupport {

    protected String office;
    protected String facilityId;

    @BeforeEach
    void office() {
        office = Fixture.facility(directory, FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
        facilityId = "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected String user(String suffix) {
        return facilityId + "-" + suffix;
    }

    /** A clinic's application: its manager and one MCS administrator. */
    protected Map<String, Object> application() {
        Map<String, Object> form = new HashMap<>(Map.of("applicationFacilityId", facilityId,
                "facilityName", "ひばり在宅診療所", "facilityKind", "CLINIC", "facilityAddress", "東京都小平市小川町1-1",
                "facilityTelephone", "042-000-0001", "usesMcs", true, "agreementDate", "2026-04-01"));
        form.putAll(person("manager", "雲雀 一郎", "ヒバリ イチロウ", "医師"));
        form.putAll(person("admin1", "雲雀 花子", "ヒバリ ハナコ", "事務"));
        return form;
    }

    protected Map<String, Object> person(String place, String name, String kana, String profession) {
        return Map.of(place + "UserId", user(place), place + "Name", name, place + "Kana", kana,
                place + "Profession", profession, place + "Email", user(place) + "@example.jp");
    }

    protected ProcessInstance apply() {
        return start(office, "facility-enrollment", application());
    }

    /** The office records the person's signed pledge and profile in staff-onboarding, as the administrator would. */
    protected void onboard(ProcessInstance enrollment, String place, String name) {
        complete(task(enrollment, "UserTask_SignPledge", place), office,
                Map.of("pledgeDecision", "signed", "signerName", name));
        complete(task(enrollment, "UserTask_Profile", place), office,
                Map.of("displayName", name, "profession", "医師", "initialPassword", "start2026x"));
    }

    /** The open task of this person's staff-onboarding (one per person named by the application). */
    protected Task task(ProcessInstance enrollment, String key, String place) {
        long staffId = directory.staffByUserId(user(place)).orElseThrow().id();
        return tasks(enrollment, key).stream()
                .filter(t -> Long.valueOf(staffId).equals(runtimeService.getVariable(t.getProcessInstanceId(), "staffId")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for " + place));
    }
}
