package org.mcsgov.security.factor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.audit.AuditLog.Event;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.FormToken;
import org.mcsgov.security.LoginThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor's pages (A11-3), in Japanese: the code page of a pending login (a code from the app or a
 * recovery code) and the enrolment (QR code and manual key, confirmed by one code, ten recovery codes shown once),
 * for a person led there at login or a logged-in person enrolling of their own accord. Every check is an audit row
 * (LOGIN / LOGIN_FAILED for the login, CHANGE for an enrolment of a logged-in person) and a failure counts toward
 * the account's lockout and the address's throttle, like a wrong password.
 */
@Controller
public class FactorController {

    static final String CODE = "/account/2fa";
    static final String ENROL = "/account/2fa/enrol";
    private static final String ENROL_SECRET = "mcs.factor.enrolSecret";
    private static final String ISSUER = "MCS運用ワークフロー";
    private static final String ENGINE = "default";

    private final LoginGate gate;
    private final SecondFactors factors;

    public FactorController(LoginGate gate, SecondFactors factors) {
        this.gate = gate;
        this.factors = factors;
    }

    @GetMapping(CODE)
    public String codePage(HttpServletRequest request, Model model) {
        var pending = gate.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/register/login";
        }
        if (pending.get().mustEnrol()) {
            return "redirect:" + ENROL;
        }
        model.addAttribute("formToken", FormToken.of(request.getSession()));
        return "account/code";
    }

    @PostMapping(CODE)
    public String code(@RequestParam(defaultValue = "") String code, @RequestParam("_token") String token,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        FormToken.check(request.getSession(), token);
        var pending = gate.pending(request).filter(p -> !p.mustEnrol());
        if (pending.isEmpty()) {
            return "redirect:/register/login";
        }
        String userId = pending.get().userId();
        request.setAttribute(AuditLog.USER, userId);
        try {
            int recoveryBefore = factors.recoveryCodesLeft(userId);
            factors.check(userId, code);
            int recoveryAfter = factors.recoveryCodesLeft(userId);
            audit(request, Event.LOGIN, recoveryAfter < recoveryBefore
                    ? "second factor: recovery code used, " + recoveryAfter + " left" : "second factor: code accepted");
            return "redirect:" + gate.complete(request, pending.get());
        } catch (UserError refused) {
            failed(request, response, Event.LOGIN_FAILED, "second factor refused: " + refused.getMessage());
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("formToken", FormToken.of(request.getSession()));
            return "account/code";
        }
    }

    /** Another person at this browser, or the code is not at hand: the held login is dropped (a new session). */
    @PostMapping(CODE + "/cancel")
    public String cancel(@RequestParam("_token") String token, HttpServletRequest request) {
        FormToken.check(request.getSession(), token);
        gate.pending(request).ifPresent(p -> {
            request.setAttribute(AuditLog.USER, p.userId());
            audit(request, Event.LOGOUT, "second factor login abandoned");
        });
        request.getSession().invalidate();
        return "redirect:/register/login";
    }

    @GetMapping(ENROL)
    public String enrolPage(HttpServletRequest request, Model model) {
        Optional<String> userId = enrolling(request);
        if (userId.isEmpty()) {
            return "redirect:/register/login?next=/register";
        }
        if (factors.enrolled(userId.get())) {
            model.addAttribute("enrolled", true);
            model.addAttribute("recoveryLeft", factors.recoveryCodesLeft(userId.get()));
            return "account/enrol";
        }
        return showEnrolment(request, model, userId.get());
    }

    @PostMapping(ENROL)
    public String enrol(@RequestParam(defaultValue = "") String code, @RequestParam("_token") String token,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession();
        FormToken.check(session, token);
        Optional<String> userId = enrolling(request);
        byte[] secret = (byte[]) session.getAttribute(ENROL_SECRET);
        if (userId.isEmpty() || secret == null) {
            return "redirect:" + ENROL;
        }
        var pending = gate.pending(request);
        request.setAttribute(AuditLog.USER, userId.get());
        try {
            var recoveryCodes = factors.enrol(userId.get(), secret, code);
            session.removeAttribute(ENROL_SECRET);
            audit(request, pending.isPresent() ? Event.LOGIN : Event.CHANGE, "second factor enrolled");
            model.addAttribute("next", pending.isPresent() ? gate.complete(request, pending.get()) : "/register");
            model.addAttribute("recoveryCodes", recoveryCodes);
            return "account/enrolled";
        } catch (UserError refused) {
            failed(request, response, pending.isPresent() ? Event.LOGIN_FAILED : Event.CHANGE,
                    "second factor enrolment refused: " + refused.getMessage());
            model.addAttribute("error", refused.getMessage());
            return showEnrolment(request, model, userId.get());
        }
    }

    /** The secret is made once per enrolment and kept in the session (never sent back by the browser). */
    private String showEnrolment(HttpServletRequest request, Model model, String userId) {
        HttpSession session = request.getSession();
        byte[] secret = (byte[]) session.getAttribute(ENROL_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(ENROL_SECRET, secret);
        }
        String key = Base32.encode(secret);
        String label = encode(ISSUER + ":" + userId);
        String uri = "otpauth://totp/" + label + "?secret=" + key + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
        model.addAttribute("qr", QrSvg.of(uri));
        model.addAttribute("manualKey", key.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("userId", userId);
        model.addAttribute("pending", gate.pending(request).isPresent());
        model.addAttribute("formToken", FormToken.of(session));
        return "account/enrol";
    }

    /** Who enrols: a login held for enrolment, or the person logged in to the webapps' session. */
    private Optional<String> enrolling(HttpServletRequest request) {
        var pending = gate.pending(request);
        if (pending.isPresent()) {
            return pending.get().mustEnrol() ? Optional.of(pending.get().userId()) : Optional.empty();
        }
        HttpSession session = request.getSession(false);
        var authentication = session == null ? null
                : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
        return authentication == null ? Optional.empty() : Optional.of(authentication.getIdentityId());
    }

    private static void audit(HttpServletRequest request, Event event, String detail) {
        request.setAttribute(AuditLog.EVENT, event);
        request.setAttribute(AuditLog.DETAIL, detail);
    }

    /** A refused code: the page again with the message, answered 400 like any bad input; counted and audited. */
    private static void failed(HttpServletRequest request, HttpServletResponse response, Event event, String detail) {
        audit(request, event, detail);
        request.setAttribute(LoginThrottle.FAILED, Boolean.TRUE);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
