package org.mcsgov.takeout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceFixture;
import org.mcsgov.device.DeviceService;
import org.mcsgov.platform.EngineClock;

/** A visiting-nurse station with a usable tablet, and the take-out requests its staff submit for it. */
final class TakeoutFixture {

    final DeviceFixture scene;
    final Device tablet;
    private final EngineTestSupport test;
    private final TakeoutService takeouts;

    TakeoutFixture(EngineTestSupport test) {
        this.test = test;
        this.takeouts = test.bean(TakeoutService.class);
        scene = DeviceFixture.stationWithStaff(test, test.bean(DeviceService.class));
        tablet = scene.usableDevice("NS-TO-" + System.nanoTime() % 100000);
    }

    static Map<String, Object> request(Device device, LocalDate from, LocalDate to) {
        return new HashMap<>(Map.of("content", "訪問予定の患者3名の訪問記録（MCSの閲覧のみ）", "deviceId", String.valueOf(device.id()),
                "purpose", "訪問看護での記録の確認", "destination", "利用者宅（小平市内）", "fromDate", from.toString(),
                "toDate", to.toString(), "requestAction", "submit"));
    }

    /** The applicant requests the tablet from tomorrow for three days; the approval task is then waiting. */
    ProcessInstance submit(String applicant) {
        ProcessInstance instance = test.start(applicant, "device-takeout", Map.of());
        test.complete(instance, applicant, request(tablet, EngineClock.today().plusDays(1), EngineClock.today().plusDays(3)));
        test.runJobs(instance);
        return instance;
    }

    Takeout takeout(ProcessInstance instance) {
        return takeouts.takeout((Long) scene.variable(instance, "takeoutId")).orElseThrow();
    }

    static void clockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    Instant endOfPeriod(ProcessInstance instance) {
        return ((Date) test.engine().getRuntimeService().getVariable(instance.getId(), "takeoutEndsAt")).toInstant();
    }
}
