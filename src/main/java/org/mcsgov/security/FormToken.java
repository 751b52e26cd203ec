package org.mcsgov.security;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The token our own forms (register login and logout, unlock, the second factor's pages, tokens, settings) carry,
 * kept in the session, so another site cannot post them (the webapps protect their own forms with their CSRF filter).
 */
public final class FormToken {

    static final String ATTRIBUTE = "mcs.register.formToken";

    private FormToken() {
    }

    /** The session's form token, created on first use. */
    public static String of(HttpSession session) {
        Object token = session.getAttribute(ATTRIBUTE);
        if (token == null) {
            token = UUID.randomUUID().toString();
            session.setAttribute(ATTRIBUTE, token);
        }
        return token.toString();
    }

    public static void check(HttpSession session, String token) {
        Object expected = session.getAttribute(ATTRIBUTE);
        if (expected == null || token == null || !MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new StaleForm();
        }
    }

    @ResponseStatus(HttpStatus.FORBIDDEN)
    public static class StaleForm extends RuntimeException {
        StaleForm() {
            super("フォームの有効期限が切れました。もう一度お試しください / the form expired, please try again");
        }
    }
}
