package org.mcsgov.web;

import jakarta.servlet.http.HttpServletRequest;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.FormToken;
import org.mcsgov.security.factor.FactorRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A11-3 "the second factor is mandatory" (as MCS offers it), the buttons on the facility page: for the facility by
 * its manager or MCS administrator, for everyone by the association office. A one-step setting without a decision
 * by anyone else, so an audited, role-checked register write rather than a process: the register keeps every change
 * with who, when and why (FactorRequirement), and the audit log the request.
 */
@Controller
public class FactorSettingPage {

    private final FactorRequirement requirement;
    private final DirectoryService directory;
    private final CurrentUser currentUser;

    public FactorSettingPage(FactorRequirement requirement, DirectoryService directory, CurrentUser currentUser) {
        this.requirement = requirement;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @PostMapping("/register/facilities/{id}/second-factor")
    public String facility(@PathVariable String id, @RequestParam boolean required,
                           @RequestParam(defaultValue = "") String reason, @RequestParam("_token") String token,
                           HttpServletRequest request) {
        FormToken.check(request.getSession(), token);
        if (directory.facility(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "事業所が見つかりません / no such facility: " + id);
        }
        if (!currentUser.hasRoleIn(id, Role.MANAGER, Role.MCS_ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "二要素認証の必須化を設定できるのは事業所の管理者と"
                    + "MCS管理者だけです / only the facility's manager or MCS administrator sets this");
        }
        request.setAttribute(AuditLog.DETAIL, "second factor " + (required ? "required" : "optional") + " for " + id);
        requirement.set(id, required, reason, currentUser.id());
        return "redirect:/register/facilities/" + id + "?factorSet";
    }

    @PostMapping("/register/second-factor")
    public String everyone(@RequestParam boolean required, @RequestParam(defaultValue = "") String reason,
                           @RequestParam(defaultValue = "") String facility, @RequestParam("_token") String token,
                           HttpServletRequest request) {
        FormToken.check(request.getSession(), token);
        if (!currentUser.isOffice()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "全員への必須化は医師会事務局だけが設定できます"
                    + " / only the association office sets this for everyone");
        }
        request.setAttribute(AuditLog.DETAIL, "second factor " + (required ? "required" : "optional") + " for everyone");
        requirement.set(null, required, reason, currentUser.id());
        return facility.matches("[\\w.-]{1,32}") ? "redirect:/register/facilities/" + facility + "?factorSet"
                : "redirect:/register/facilities";
    }
}
