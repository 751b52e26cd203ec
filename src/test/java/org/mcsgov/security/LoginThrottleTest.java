package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A11-3: the throttle per source address, on the engine's clock (moved by hand, nothing waits). */
@DisplayName("login throttle per source address (A11-3)")
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, Duration.ofMinutes(15),
            Duration.ofSeconds(30), Duration.ofMinutes(15)));

    @BeforeEach
    void frozen() {
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    private void later(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    }

    @Test
    @DisplayName("after 3 failures the address waits 30 s, doubled by every further failure up to 15 minutes")
    void growingDelay() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.wait("10.0.0.1")).isEmpty();
        throttle.failed("10.0.0.1");
        assertThat(throttle.wait("10.0.0.1")).hasValue(Duration.ofSeconds(30));
        later(Duration.ofSeconds(31));
        assertThat(throttle.wait("10.0.0.1")).isEmpty();
        throttle.failed("10.0.0.1");
        assertThat(throttle.wait("10.0.0.1")).hasValue(Duration.ofSeconds(60));
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.wait("10.0.0.1")).hasValue(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("other addresses are not affected; failures older than the window are forgotten")
    void perAddressAndWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.wait("10.0.0.2")).isEmpty();
        later(Duration.ofMinutes(16));
        throttle.failed("10.0.0.1");
        assertThat(throttle.wait("10.0.0.1")).as("one failure in the window").isEmpty();
    }
}
