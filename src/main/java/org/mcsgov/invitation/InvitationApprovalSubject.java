package org.mcsgov.invitation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.mcsgov.approval.ApprovalSubject;
import org.mcsgov.directory.DirectoryService;
import org.springframework.stereotype.Component;

/** A8-4: an invitation is applied for by its inviter and approved by the invitee's own facility (register rows). */
@Component
class InvitationApprovalSubject implements ApprovalSubject {

    private final InvitationService invitations;
    private final DirectoryService directory;
    private final JdbcClient jdbc;

    InvitationApprovalSubject(InvitationService invitations, DirectoryService directory, JdbcClient jdbc) {
        this.invitations = invitations;
        this.directory = directory;
        this.jdbc = jdbc;
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

    /** The same person (registered, or by the address an invitation waits with) into the same group. */
    @Override
    public List<Long> earlier(long subjectId) {
        return jdbc.sql("""
                        SELECT e.id FROM invitation e JOIN invitation t ON t.id = ?
                        WHERE e.group_id = t.group_id AND e.id < t.id
                          AND (e.invitee_staff_id = t.invitee_staff_id OR LOWER(e.invitee_email) = LOWER(t.invitee_email))
                        ORDER BY e.id""").param(subjectId).query(Long.class).list();
    }
}
