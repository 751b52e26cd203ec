package org.mcsgov.security.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA-1 rows, 8 digits) and what the application adds: 6 digits, a window, no replay. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("RFC 6238 test vectors (SHA-1)")
    void rfcVectors() {
        assertThat(code(59)).isEqualTo("94287082");
        assertThat(code(1111111109)).isEqualTo("07081804");
        assertThat(code(1111111111)).isEqualTo("14050471");
        assertThat(code(1234567890)).isEqualTo("89005924");
        assertThat(code(2000000000)).isEqualTo("69279037");
        assertThat(code(20000000000L)).isEqualTo("65353130");
    }

    @Test
    @DisplayName("six digits are the last six of the RFC's eight; one step each side; a step is used once")
    void windowAndReplay() {
        Instant at = Instant.ofEpochSecond(1111111109);
        long step = Totp.step(at);
        assertThat(Totp.code(RFC_SECRET, step)).isEqualTo("081804");
        assertThat(Totp.matchingStep(RFC_SECRET, "081804", at, 0)).isEqualTo(step);
        assertThat(Totp.matchingStep(RFC_SECRET, "081804", at.plusSeconds(30), 0)).isEqualTo(step);
        assertThat(Totp.matchingStep(RFC_SECRET, "081804", at.plusSeconds(90), 0)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "081804", at, step)).as("replay").isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "08180", at, 0)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, null, at, 0)).isEqualTo(-1);
    }

    @Test
    @DisplayName("base32 as the authenticator apps read it")
    void base32() {
        assertThat(Base32.encode(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
    }

    private static String code(long seconds) {
        return Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)), 8);
    }
}
