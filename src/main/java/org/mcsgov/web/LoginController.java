package org.mcsgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Pattern;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.PasswordService;
import org.mcsgov.security.FormToken;
import org.mcsgov.security.LoginThrottle;
import org.mcsgov.security.factor.LoginGate;
import org.mcsgov.security.lock.LoginLocks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register's login page (the same accounts and session as Tasklist) and logout. Both forms carry the session's
 * {@link FormToken}. A person who needs the second factor goes on to its page ({@link LoginGate}).
 */
@Controller
public class LoginController {

    private static final Pattern SAFE_NEXT = Pattern.compile("(?!.*\\.\\.)/register([/?][\\w./?=&%:+,~-]*)?");

    private final RegisterAuthentication authentication;
    private final PasswordService passwords;
    private final LoginGate gate;
    private final LoginLocks locks;

    public LoginController(RegisterAuthentication authentication, PasswordService passwords, LoginGate gate,
                           LoginLocks locks) {
        this.authentication = authentication;
        this.passwords = passwords;
        this.gate = gate;
        this.locks = locks;
    }

    @GetMapping(RegisterAuthentication.LOGIN)
    public String form(@RequestParam(defaultValue = RegisterAuthentication.HOME) String next, HttpSession session, Model model) {
        model.addAttribute("next", safe(next));
        model.addAttribute("formToken", FormToken.of(session));
        return "register/login";
    }

    @PostMapping(RegisterAuthentication.LOGIN)
    public String login(@RequestParam String username, @RequestParam String password,
                        @RequestParam(defaultValue = RegisterAuthentication.HOME) String next, @RequestParam("_token") String token,
                        HttpServletRequest request, Model model) {
        FormToken.check(request.getSession(), token);
        // the password first: whether it must be changed is told to its owner only, never to a guesser
        LoginLocks.Before before = locks.before(username);
        if (!authentication.checkPassword(username, password)) {
            request.setAttribute(LoginThrottle.FAILED, Boolean.TRUE);
            // a lock says so and until when, else the person retries the right password into the lockout
            var lock = locks.refused(before, password);
            lock.ifPresent(refusal -> request.setAttribute(AuditLog.DETAIL, "refused: " + refusal.type()));
            model.addAttribute("error", lock.map(LoginLocks.Refusal::japanese)
                    .orElse("ユーザーIDまたはパスワードが正しくありません / wrong user id or password"));
        } else {
            var mustChange = passwords.changeRequired(username);
            if (mustChange.isEmpty()) {
                var factorPage = gate.passwordAccepted(request, username, safe(next));
                if (factorPage.isPresent()) {
                    // not a login yet: the audit says so until the code page completes it
                    request.setAttribute(AuditLog.EVENT, AuditLog.Event.LOGIN_FAILED);
                    request.setAttribute(AuditLog.DETAIL, "password accepted, second factor pending");
                }
                return "redirect:" + factorPage.orElse(safe(next));
            }
            request.setAttribute(AuditLog.DETAIL, "password change required");
            model.addAttribute("error", mustChange.get() + "。/account/password.html で変更してください / change it at "
                    + "/account/password.html");
        }
        model.addAttribute("next", safe(next));
        model.addAttribute("formToken", FormToken.of(request.getSession()));
        return "register/login";
    }

    @PostMapping("/register/logout")
    public String logout(@RequestParam("_token") String token, HttpServletRequest request) {
        FormToken.check(request.getSession(), token);
        authentication.logout(request);
        return "redirect:" + RegisterAuthentication.LOGIN;
    }

    /**
     * Only our own pages after login, never another site; and only plain path and query characters, since the
     * redirect would read "{...}" as a template variable, Tomcat refuses ".." above the root (both a 500), and a
     * line break would start a new header.
     */
    private static String safe(String next) {
        return SAFE_NEXT.matcher(next).matches() ? next : RegisterAuthentication.HOME;
    }
}
