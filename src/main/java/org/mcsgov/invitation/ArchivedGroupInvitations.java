package org.mcsgov.invitation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.group.GroupService.GroupArchived;
import org.mcsgov.notification.Notifications;
import org.mcsgov.platform.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * N2-1: a group that goes to the archive (group-archive, consent-withdrawal) takes no one in any more. Every open
 * invitation into it ends, in the archive's transaction, through the invitation's own 取り下げ (message
 * "invitation-cancel"), recorded with the reason, and the inviter is told. One already being done in MCS is left to
 * Task_OpenMembership, which refuses the membership and asks the undo in MCS.
 */
@Component("archivedGroupInvitations")
public class ArchivedGroupInvitations {

    private static final Logger log = LoggerFactory.getLogger(ArchivedGroupInvitations.class);

    private final InvitationService invitations;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Notifications notifications;

    public ArchivedGroupInvitations(InvitationService invitations, RuntimeService runtimeService,
                                    IdentityService identityService, Notifications notifications) {
        this.invitations = invitations;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.notifications = notifications;
    }

    @EventListener
    public void groupArchived(GroupArchived archived) {
        for (Invitation invitation : invitations.openInto(archived.groupId())) {
            String businessKey = "invitation:" + invitation.id();
            // the archiving person holds no rights on another facility's invitation: the archive itself decides
            AsSystem.call(identityService, () -> {
                if (runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey)
                        .activityId("CallActivity_InviteInMcs").count() == 0) {
                    runtimeService.createMessageCorrelation("invitation-cancel").processInstanceBusinessKey(businessKey)
                            .setVariable("cancelReason", "グループが保管されたため終了（N2-1）: " + archived.reason())
                            .setVariable("cancelledBy", archived.actor()).correlateWithResult();
                }
                return null;
            });
            log.info("[{}] group {} archived: invitation ended", businessKey, archived.groupId());
        }
    }

    /** The inviter is told when someone else ended their invitation (the archive); their own 取り下げ needs no mail. */
    public JavaDelegate informInviter() {
        return execution -> {
            Long id = (Long) execution.getVariable("invitationId");
            Invitation invitation = id == null ? null : invitations.invitation(id).orElse(null);
            if (invitation != null && !invitation.invitedBy().equals(execution.getVariable("cancelledBy"))) {
                notifications.inform(execution, invitation.invitedBy(), "あなたの招待（" + invitation.inviteeEmail()
                        + "）は終了しました: " + execution.getVariable("cancelReason"));
            }
        };
    }
}
