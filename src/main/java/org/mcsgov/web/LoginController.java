package org.mcsgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.PasswordService;
import org.mcsgov.security.LoginThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;

/**
 * The register's login page (the same accounts and session as Tasklist) and logout. Both forms carry a token kept in
 * the session, so another site cannot post them (the webapps protect their own login with their CSRF filter).
 */
@Controller
public class LoginController {

    static final String TOKEN = "mcs.register.formToken";
    private static final Pattern SAFE_NEXT = Pattern.compile("(?!.*\\.\\.)/register([/?][\\w./?=&%:+,~-]*)?");

    private final RegisterAuthentication authentication;
    private final PasswordService passwords;

    public LoginController(RegisterAuthentication authentication, PasswordService passwords) {
        this.authentication = authentication;
        this.passwords = passwords;
    }

    @GetMapping(RegisterAuthentication.LOGIN)
    public String form(@RequestParam(defaultValue = "/register") String next, HttpSession session, Model model) {
        model.addAttribute("next", safe(next));
        model.addAttribute("formToken", token(session));
        return "register/login";
    }

    @PostMapping(RegisterAuthentication.LOGIN)
    public String login(@RequestParam String username, @RequestParam String password,
                        @RequestParam(defaultValue = "/register") String next, @RequestParam("_token") String token,
                        HttpServletRequest request, Model model) {
        checkToken(request.getSession(), token);
        // the password first: whether it must be changed is told to its owner only, never to a guesser
        if (!authentication.checkPassword(username, password)) {
            request.setAttribute(LoginThrottle.FAILED, Boolean.TRUE);
            model.addAttribute("error", "ユーザーIDまたはパスワードが正しくありません / wrong user id or password");
        } else {
            var mustChange = passwords.changeRequired(username);
            if (mustChange.isEmpty()) {
                authentication.login(request, username);
                return "redirect:" + safe(next);
            }
            request.setAttribute(AuditLog.DETAIL, "password change required");
            model.addAttribute("error", mustChange.get() + "。/account/password.html で変更してください / change it at "
                    + "/account/password.html");
        }
        model.addAttribute("next", safe(next));
        model.addAttribute("formToken", token(request.getSession()));
        return "register/login";
    }

    @PostMapping("/register/logout")
    public String logout(@RequestParam("_token") String token, HttpServletRequest request) {
        checkToken(request.getSession(), token);
        authentication.logout(request);
        return "redirect:" + RegisterAuthentication.LOGIN;
    }

    /** The session's form token, created on first use. */
    static String token(HttpSession session) {
        Object token = session.getAttribute(TOKEN);
        if (token == null) {
            token = UUID.randomUUID().toString();
            session.setAttribute(TOKEN, token);
        }
        return token.toString();
    }

    static void checkToken(HttpSession session, String token) {
        Object expected = session.getAttribute(TOKEN);
        if (expected == null || !MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new StaleForm();
        }
    }

    /**
     * Only our own pages after login, never another site; and only plain path and query characters, since the
     * redirect would read "{...}" as a template variable, Tomcat refuses ".." above the root (both a 500), and a
     * line break would start a new header.
     */
    private static String safe(String next) {
        return SAFE_NEXT.matcher(next).matches() ? next : "/register";
    }

    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class StaleForm extends RuntimeException {
        StaleForm() {
            super("フォームの有効期限が切れました。もう一度お試しください / the form expired, please try again");
        }
    }
}
