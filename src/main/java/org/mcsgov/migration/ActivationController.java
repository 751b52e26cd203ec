package org.mcsgov.migration;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.FormToken;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * A migrated person sets their first password with the mailed link (/account/activate.html, no login: the link is the
 * proof); the facility's MCS administrator re-sends a link from the staff page. Both audited, never with the token.
 */
@Controller
public class ActivationController {

    private final Activations activations;
    private final DirectoryService directory;
    private final CurrentUser currentUser;

    public ActivationController(Activations activations, DirectoryService directory, CurrentUser currentUser) {
        this.activations = activations;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    public record Activation(String token, String newPassword) {
    }

    @PostMapping("/account/activate")
    @ResponseBody
    public Map<String, String> activate(@RequestBody Activation activation, HttpServletRequest request) {
        try {
            activations.activate(activation.token(), activation.newPassword());
        } catch (UserError e) {
            request.setAttribute(AuditLog.DETAIL, e.getMessage());
            throw e;
        }
        return Map.of("message", "パスワードを設定しました。ユーザーIDと新しいパスワードでログインしてください / account activated");
    }

    @PostMapping("/register/staff/{id}/activation")
    public String resend(@PathVariable long id, @RequestParam("_token") String token, HttpServletRequest request) {
        FormToken.check(request.getSession(), token);
        Staff staff = directory.staff(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "職員が見つかりません / not found: " + id));
        if (!currentUser.hasRoleIn(staff.facilityId(), Role.MCS_ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "有効化のリンクを再送できるのは所属事業所のMCS管理者だけです / only the facility's MCS administrator re-sends");
        }
        activations.issue(staff, currentUser.id());
        request.setAttribute(AuditLog.DETAIL, "activation link re-sent to " + staff.userId());
        return "redirect:/register/staff/" + id + "?activationSent";
    }
}
