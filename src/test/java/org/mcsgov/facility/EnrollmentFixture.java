package org.mcsgov.facility;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;

/**
 * The association office of its own and a new facility's application, with unique ids per test, driven through the
 * test's engine.
 */
final class EnrollmentFixture {

    final String office;
    final String facilityId;
    private final EngineTestSupport test;

    EnrollmentFixture(EngineTestSupport test) {
        this.test = test;
        office = Fixture.facility(test.directory(), FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
        facilityId = "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    String user(String suffix) {
        return facilityId + "-" + suffix;
    }

    /** A clinic's application: its manager and one MCS administrator. */
    Map<String, Object> application() {
        Map<String, Object> form = new HashMap<>(Map.of("applicationFacilityId", facilityId,
                "facilityName", "ひばり在宅診療所", "facilityKind", "CLINIC", "facilityAddress", "東京都小平市小川町1-1",
                "facilityTelephone", "042-000-0001", "usesMcs", true, "agreementDate", "2026-04-01"));
        form.putAll(person("manager", "雲雀 一郎", "ヒバリ イチロウ", "医師"));
        form.putAll(person("admin1", "雲雀 花子", "ヒバリ ハナコ", "事務"));
        return form;
    }

    Map<String, Object> person(String place, String name, String kana, String profession) {
        return Map.of(place + "UserId", user(place), place + "Name", name, place + "Kana", kana,
                place + "Profession", profession, place + "Email", user(place) + "@example.jp");
    }

    ProcessInstance apply() {
        return test.start(office, "facility-enrollment", application());
    }

    /** The office records the person's signed pledge and profile in staff-onboarding, as the administrator would. */
    void onboard(ProcessInstance enrollment, String place, String name) {
        test.complete(task(enrollment, "UserTask_SignPledge", place), office,
                Map.of("pledgeDecision", "signed", "signerName", name));
        test.complete(task(enrollment, "UserTask_Profile", place), office,
                Map.of("displayName", name, "profession", "医師", "initialPassword", "start2026x"));
    }

    /** The open task of this person's staff-onboarding (one per person named by the application). */
    Task task(ProcessInstance enrollment, String key, String place) {
        var runtime = test.engine().getRuntimeService();
        long staffId = test.directory().staffByUserId(user(place)).orElseThrow().id();
        return test.tasks(enrollment, key).stream()
                .filter(t -> Long.valueOf(staffId).equals(runtime.getVariable(t.getProcessInstanceId(), "staffId")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for " + place));
    }
}
