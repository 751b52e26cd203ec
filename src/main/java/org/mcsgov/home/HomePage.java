package org.mcsgov.home;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.invitation.InvitationController;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.FormToken;
import org.mcsgov.takeout.TakeoutController;
import org.mcsgov.web.Links;
import org.mcsgov.web.RegisterAuthentication;
import org.mcsgov.web.RegisterWebConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The home of every person after login (issue 15; Camunda's Welcome page named neither MCS nor the association):
 * who they are and where, their open tasks, their requests (申請一覧) with state, decision and who holds them next,
 * and 取り下げ where the procedure allows it. The withdrawal reuses the REST endpoints' methods, so their rules
 * (who may, until when, the reason) are checked in one place; this form adds only the session's form token.
 */
@Controller
public class HomePage implements RegisterWebConfiguration.RegisterPage {

    /**
     * Under /register so that every filter of the register pages guards it too (a login still waiting for its
     * second factor, a password that must be changed, a revoked session, the audit log); "/" leads here.
     */
    public static final String PATH = RegisterAuthentication.HOME;
    private static final int TASKS_SHOWN = 20;

    private final MyRequests requests;
    private final RequestView view;
    private final CurrentUser currentUser;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final JdbcClient jdbc;
    private final InvitationController invitations;
    private final TakeoutController takeouts;

    public HomePage(MyRequests requests, RequestView view, CurrentUser currentUser, TaskService taskService,
                    AuthorizationService authorizationService, IdentityService identityService, JdbcClient jdbc,
                    InvitationController invitations, TakeoutController takeouts) {
        this.requests = requests;
        this.view = view;
        this.currentUser = currentUser;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.takeouts = takeouts;
    }

    @GetMapping(PATH)
    public String home(Model model) {
        String me = currentUser.id();
        model.addAttribute("association", jdbc.sql("SELECT name FROM facility WHERE kind = 'ASSOCIATION' ORDER BY id")
                .query(String.class).list().stream().findFirst().orElse("医師会"));
        model.addAttribute("me", jdbc.sql("""
                        SELECT s.name, f.name FROM staff s JOIN facility f ON f.id = s.facility_id WHERE s.user_id = ?""")
                .param(me).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElse(new String[] {me, ""}));
        // the tasks the engine shows this person in Tasklist, queried as them (authorization on)
        TaskQuery tasks = taskService.createTaskQuery().or().taskAssignee(me).taskCandidateUser(me).endOr();
        model.addAttribute("taskCount", tasks.count());
        model.addAttribute("tasks", tasks.orderByTaskCreateTime().desc().listPage(0, TASKS_SHOWN).stream()
                .map(t -> new Links.OpenTask(t.getId(), t.getName(), t.getProcessInstanceId(), t.getAssignee(),
                        t.getCreateTime(), t.getDueDate())).toList());
        model.addAttribute("requests", view.of(requests.rows()));
        model.addAttribute("cockpit", authorizationService.isUserAuthorized(me,
                identityService.getCurrentAuthentication().getGroupIds(), Permissions.ACCESS, Resources.APPLICATION,
                "cockpit"));
        return "home/index";
    }

    /** 取り下げ / 取消 of an invitation or a take-out from 申請一覧; a refusal shows on the page in Japanese. */
    @PostMapping(PATH + "/withdraw")
    public String withdraw(@RequestParam String businessKey, @RequestParam(defaultValue = "") String reason,
                           @RequestParam("_token") String token, HttpServletRequest request,
                           RedirectAttributes redirect) {
        FormToken.check(request.getSession(), token);
        RequestView.Subject subject = RequestView.Subject.of(businessKey);
        if (subject == null || !List.of("invitation", "takeout").contains(subject.kind())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "取り下げられる申請が見つかりません / no request to withdraw: " + businessKey);
        }
        request.setAttribute(AuditLog.DETAIL, "withdraw " + businessKey);
        try {
            if (subject.kind().equals("invitation")) {
                invitations.cancel(subject.id(), new InvitationController.Cancel(reason));
            } else {
                takeouts.withdraw(subject.id(), new TakeoutController.Withdraw(reason));
            }
            redirect.addFlashAttribute("notice", "申請を取り下げました（" + businessKey + "）");
            return "redirect:" + PATH;
        } catch (UserError refused) {
            redirect.addFlashAttribute("error", japanese(refused.getMessage()));
            return "redirect:" + PATH;
        }
    }

    /** Our errors read "日本語 / English"; a person here reads the Japanese. */
    private static String japanese(String message) {
        int slash = message.indexOf(" / ");
        return slash < 0 ? message : message.substring(0, slash);
    }
}
