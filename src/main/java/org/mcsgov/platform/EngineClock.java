package org.mcsgov.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The register uses the engine's clock, so that register history and engine history agree, also in tests. */
public final class EngineClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }
}
