package org.mcsgov.invitation;

import org.mcsgov.approval.ApprovalSubject;
import org.mcsgov.directory.DirectoryService;
import org.springframework.stereotype.Component;

/** A8-4: an invitation is applied for by its inviter and approved by the invitee's own facility (register rows). */
@Component
class InvitationApprovalSubject implements ApprovalSubject {

    private final InvitationService invitations;
    private final DirectoryService directory;

    InvitationApprovalSubject(InvitationService invitations, DirectoryService directory) {
        this.invitations = invitations;
        this.directory = directory;
    }

    @Override
    public String type() {
        return InvitationSteps.SUBJECT;
    }

    @Override
    public Parties parties(long subjectId) {
        Invitation invitation = invitations.invitation(subjectId).orElseThrow();
        String facilityId = directory.staff(invitation.inviteeStaffId()).orElseThrow().facilityId();
        return new Parties(invitation.invitedBy(), facilityId);
    }
}
