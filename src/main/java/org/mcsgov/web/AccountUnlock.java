package org.mcsgov.web;

import jakarta.servlet.http.HttpServletRequest;
import org.mcsgov.inactivity.InactivityReactivation;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.FormToken;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A8-3, A11-3: an account locked by failed logins is unlocked by its facility's MCS administrator, with the button
 * on the staff page (a form with the session's token, like the logout, so another site cannot post it). Audited
 * as a change with the person unlocked; a suspension's lock is not lifted here (AccountLock). An account locked by
 * account-inactivity-review without an answer is reactivated here too, with a reason (InactivityReactivation).
 */
@Controller
public class AccountUnlock {

    private final DirectoryService directory;
    private final AccountLock accountLock;
    private final CurrentUser currentUser;
    private final InactivityReactivation reactivation;

    public AccountUnlock(DirectoryService directory, AccountLock accountLock, CurrentUser currentUser,
                         InactivityReactivation reactivation) {
        this.directory = directory;
        this.accountLock = accountLock;
        this.currentUser = currentUser;
        this.reactivation = reactivation;
    }

    @PostMapping("/register/staff/{id}/unlock")
    public String unlock(@PathVariable long id, @RequestParam("_token") String token,
                         @RequestParam(required = false) String reason, HttpServletRequest request) {
        FormToken.check(request.getSession(), token);
        Staff staff = directory.staff(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "職員が見つかりません / not found: " + id));
        if (!currentUser.hasRoleIn(staff.facilityId(), Role.MCS_ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "ロックを解除できるのは所属事業所のMCS管理者だけです / only the facility's MCS administrator unlocks");
        }
        if (reactivation.lockingReview(staff).isPresent()) {
            reactivation.reactivate(currentUser.id(), staff.id(), reason);
            request.setAttribute(AuditLog.DETAIL, "reactivated " + staff.userId() + " (inactivity): " + reason.strip());
            return "redirect:/register/staff/" + id + "?reactivated";
        }
        accountLock.unlockFailedLogins(staff.userId());
        request.setAttribute(AuditLog.DETAIL, "unlocked " + staff.userId() + " (failed logins)");
        return "redirect:/register/staff/" + id + "?unlocked";
    }
}
