package org.mcsgov.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** An HTTP Basic header read once, the same way everywhere; a malformed one is no credentials (then 401), never a 500. */
public record BasicCredentials(String userId, String password) {

    public static Optional<BasicCredentials> of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon > 0 ? Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)))
                : Optional.empty();
    }

    /** Whether the request carries a Basic header at all (a malformed one is a failed login too). */
    public static boolean present(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic", 0, 5);
    }
}
