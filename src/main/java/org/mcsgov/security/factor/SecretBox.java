package org.mcsgov.security.factor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mcsgov.platform.UserError;
import org.springframework.stereotype.Component;

/**
 * Encrypts the TOTP secrets (AES-256-GCM) with a key that lives only in the configuration (mcs.totp.key, env
 * MCS_TOTP_KEY; base64 of 32 bytes): a copy of the database alone gives nobody a working second factor. Without a key
 * the application still starts, and enrolment is refused with a message (the factor cannot be stored safely).
 */
@Component
public class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(TotpProperties settings) {
        String key = settings.key();
        this.key = key.isBlank() ? null : new SecretKeySpec(decodeKey(key), "AES");
    }

    private static byte[] decodeKey(String text) {
        byte[] bytes = Base64.getDecoder().decode(text.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("mcs.totp.key must be base64 of 32 bytes (openssl rand -base64 32)");
        }
        return bytes;
    }

    public String seal(byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, secret);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    public byte[] open(String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        byte[] iv = Arrays.copyOf(all, IV_BYTES);
        return run(Cipher.DECRYPT_MODE, iv, Arrays.copyOfRange(all, IV_BYTES, all.length));
    }

    private byte[] run(int mode, byte[] iv, byte[] input) {
        if (key == null) {
            throw new UserError("二要素認証の鍵（mcs.totp.key）が設定されていません。システム管理者に連絡してください",
                    "the second factor's key mcs.totp.key is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // a wrong key (changed configuration) or a tampered row: the message names neither secret nor key
            throw new IllegalStateException("second factor secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted: mcs.totp.key differs from the one it was stored with"));
        }
    }
}
