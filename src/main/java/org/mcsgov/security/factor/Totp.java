package org.mcsgov.security.factor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as every authenticator app computes them: HMAC-SHA-1, 6 digits, 30-second
 * steps from the Unix epoch (RFC 4226's dynamic truncation). Written out here instead of a library because it is
 * this short and the RFC's test vectors pin it down (TotpTest).
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int[] POWER = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new 160-bit secret (RFC 4226 recommends the length of the HMAC's output). */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one time step, with {@code digits} digits (6 in use; 8 for the RFC's vectors). */
    static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + digits + "d", binary % POWER[digits]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /**
     * The step whose code this is, looking one step back and one ahead (a phone's clock a little off, a code typed at
     * the turn of a step), and only at steps after {@code lastUsed}: a code is accepted once. -1 if none.
     */
    public static long matchingStep(byte[] secret, String code, Instant now, long lastUsed) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsed && MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
                return step;
            }
        }
        return -1;
    }
}
