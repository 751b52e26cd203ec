package org.mcsgov.security.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.platform.UserError;

/** The TOTP secrets at rest (A11-3): AES-GCM under the configured key, useless without it. */
class SecretBoxTest {

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    @DisplayName("sealed and opened with the same key; a fresh IV each time; another key or none cannot open it")
    void roundTrip() {
        byte[] secret = Totp.newSecret();
        SecretBox box = new SecretBox(new TotpProperties(key(1), false));
        String sealed = box.seal(secret);
        assertThat(box.open(sealed)).isEqualTo(secret);
        assertThat(box.seal(secret)).isNotEqualTo(sealed);
        assertThat(sealed).doesNotContain(Base32.encode(secret)).doesNotContain(Base64.getEncoder().encodeToString(secret));
        assertThatThrownBy(() -> new SecretBox(new TotpProperties(key(2), false)).open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(Base32.encode(secret));
        assertThatThrownBy(() -> new SecretBox(new TotpProperties("", false)).seal(secret)).isInstanceOf(UserError.class)
                .hasMessageContaining("mcs.totp.key");
        assertThatThrownBy(() -> new SecretBox(new TotpProperties(Base64.getEncoder().encodeToString(new byte[16]), false)))
                .isInstanceOf(IllegalStateException.class);
    }
}
