package org.mcsgov.security.factor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.mcsgov.account.LastLogin;
import org.springframework.stereotype.Component;

/**
 * The one login of the browser (Tasklist, Cockpit, Admin and the register pages share the HTTP session): after the
 * password is accepted, a person with a second factor (or one who must enrol) is only "pending" in the session —
 * no Camunda authentication, so nothing of the webapps, the register or the engine answers them — until the code
 * page (or the enrolment) completes the login. Everyone else is logged in at once, as before.
 */
@Component
public class LoginGate {

    static final String PENDING = "mcs.factor.pending";

    /** A password accepted, the second factor not yet: who, where to go next, and whether they must enrol first. */
    public record Pending(String userId, String next, boolean mustEnrol) implements Serializable {
    }

    private final ProcessEngine engine;
    private final SecondFactors factors;
    private final FactorRequirement requirement;
    private final LastLogin lastLogin;
    private final boolean basicAllowedWithoutFactor;

    public LoginGate(ProcessEngine engine, SecondFactors factors, FactorRequirement requirement, LastLogin lastLogin,
                     TotpProperties settings) {
        this.engine = engine;
        this.factors = factors;
        this.requirement = requirement;
        this.lastLogin = lastLogin;
        this.basicAllowedWithoutFactor = settings.basicAllowedWithoutFactor();
    }

    /** Whether a password alone does not log this person in (an enrolled factor, or one their facility requires). */
    public boolean needsFactor(String userId) {
        return factors.enrolled(userId) || requirement.requiredFor(userId);
    }

    /**
     * HTTP Basic with a person's password on /engine-rest, /api and the register's CSV: refused for whoever needs
     * the factor (programs use a personal access token), unless the demo allows it.
     */
    public boolean basicRefused(String userId) {
        return !basicAllowedWithoutFactor && needsFactor(userId);
    }

    /**
     * After a password was accepted: logs the person in (and returns empty), or holds the session as pending and
     * returns the page that asks for the code or the enrolment.
     */
    public Optional<String> passwordAccepted(HttpServletRequest request, String userId, String next) {
        if (!needsFactor(userId)) {
            login(request, userId);
            return Optional.empty();
        }
        boolean mustEnrol = !factors.enrolled(userId);
        // a new session id, as at any login, so a session id planted before the password cannot ride along
        request.getSession().invalidate();
        request.getSession(true).setAttribute(PENDING, new Pending(userId, next, mustEnrol));
        return Optional.of(mustEnrol ? FactorController.ENROL : FactorController.CODE);
    }

    public Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((Pending) session.getAttribute(PENDING));
    }

    /** The second factor passed (or just enrolled): the session becomes the webapps' login. */
    String complete(HttpServletRequest request, Pending pending) {
        login(request, pending.userId());
        return pending.next();
    }

    /** Logs a person in to pages and webapps, with a new session id; their last login is noted (AC-2(3)). */
    public void login(HttpServletRequest request, String userId) {
        var authentication = AuthenticationUtil.createAuthentication(engine, userId);
        AuthenticationUtil.revalidateSession(request, authentication);
        request.getSession().removeAttribute(PENDING);
        lastLogin.record(userId);
    }
}
