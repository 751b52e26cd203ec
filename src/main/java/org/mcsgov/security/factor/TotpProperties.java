package org.mcsgov.security.factor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A11-3 second factor (TOTP): key is the AES-GCM key of the stored secrets (base64 of 32 bytes: openssl rand -base64
 * 32), from the environment only (MCS_TOTP_KEY); without it nobody can enrol. HTTP Basic with a password is refused
 * for accounts that need the factor (programs use personal access tokens) unless basicAllowedWithoutFactor.
 */
@ConfigurationProperties("mcs.totp")
public record TotpProperties(@DefaultValue("") String key, @DefaultValue("false") boolean basicAllowedWithoutFactor) {
}
