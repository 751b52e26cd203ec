package org.mcsgov.invitation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.ReadPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An invitation's state and history for the invitee, the inviting facility and the office; and the coordinator's
 * 取り下げ at any point before the membership opens, which reaches the process as the message "invitation-cancel".
 */
@RestController
@RequestMapping("/api/invitations")
public class InvitationController {

    private final InvitationService invitations;
    private final GroupService groups;
    private final DirectoryService directory;
    private final DecisionLog decisions;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;
    private final ReadPolicy readPolicy;

    public InvitationController(InvitationService invitations, GroupService groups, DirectoryService directory,
                                DecisionLog decisions, IdentityService identityService, RuntimeService runtimeService,
                                CurrentUser currentUser, ReadPolicy readPolicy) {
        this.invitations = invitations;
        this.groups = groups;
        this.directory = directory;
        this.decisions = decisions;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
        this.readPolicy = readPolicy;
    }

    public record View(Invitation invitation, List<DecisionLog.Entry> history) {
    }

    public record Cancel(String reason) {
    }

    @GetMapping("/{id}")
    public View view(@PathVariable long id) {
        Invitation invitation = readable(id);
        return new View(invitation, decisions.entries(InvitationSteps.SUBJECT, id));
    }

    @PostMapping("/{id}/cancel")
    public Map<String, String> cancel(@PathVariable long id, @RequestBody Cancel cancel) {
        // refused before anything is looked up: the column would refuse it with a 500 quoting the SQL
        if (cancel != null && cancel.reason() != null && cancel.reason().strip().length() > UserError.MAX_REASON) {
            throw UserError.tooLong("理由", "the reason");
        }
        Invitation invitation = invitations.invitation(id).orElseThrow(() -> notFound(id));
        String facility = groups.group(invitation.groupId()).orElseThrow().facilityId();
        if (!currentUser.hasRoleIn(facility, Role.COORDINATOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "取り下げられるのは招待した事業所の担当者だけです / only the inviting facility's coordinators cancel");
        }
        if (!invitation.isOpen()) {
            throw new UserError("この招待は既に終了しています（" + invitation.state() + "）",
                    "the invitation has ended already: " + invitation.state());
        }
        if (cancel == null || cancel.reason() == null || cancel.reason().isBlank()) {
            throw new UserError("取り下げの理由を入力してください", "a reason is required to cancel");
        }
        String me = currentUser.id();
        AsSystem.call(identityService, () -> runtimeService.createMessageCorrelation("invitation-cancel")
                .processInstanceBusinessKey("invitation:" + id)
                .setVariable("cancelReason", "取り下げ: " + cancel.reason().strip())
                .setVariable("cancelledBy", me)
                .correlateWithResult());
        return Map.of("state", invitations.invitation(id).orElseThrow().state());
    }

    private Invitation readable(long id) {
        Invitation invitation = invitations.invitation(id).orElseThrow(() -> notFound(id));
        String facility = groups.group(invitation.groupId()).orElseThrow().facilityId();
        boolean invitee = invitation.inviteeStaffId() != null && directory.staff(invitation.inviteeStaffId())
                .map(s -> s.userId().equals(currentUser.id())).orElse(false);
        if (!(invitee || readPolicy.readsGroupsOf(facility))) { // the group's readers read the requests into it
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この招待を閲覧する権限がありません / you may not read this");
        }
        return invitation;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "招待が見つかりません / not found: " + id);
    }
}
