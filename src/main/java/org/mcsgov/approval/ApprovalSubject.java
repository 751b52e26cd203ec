package org.mcsgov.approval;

/**
 * What an approval is about, as the register row of the calling procedure says now (DESIGN.md §3b, §5). A procedure
 * that calls "approval" provides one bean for its approvalSubjectType, so the approval never believes a variable
 * about who applied or whose administrators decide.
 */
public interface ApprovalSubject {

    /** The approvalSubjectType this bean answers for, e.g. INVITATION. */
    String type();

    /** The applicant and the facility whose MCS administrators approve, read from the subject's register row. */
    Parties parties(long subjectId);

    /**
     * Earlier subjects of the same type about the same thing (an invitation: the same invitee and group; a take-out:
     * the same applicant and device), oldest first: their decisions belong in the approver's 承認履歴 (issue 15: a
     * manager approved without seeing the administrator's rejection of the same person twelve minutes earlier).
     */
    java.util.List<Long> earlier(long subjectId);

    record Parties(String applicantUserId, String approvingFacilityId) {
    }
}
