package org.mcsgov.approval;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.UserError;
import org.springframework.stereotype.Component;

/**
 * A8-4, A12-9, DESIGN.md §3b: who may decide an approval, checked in the register at the moment of the decision.
 * Holding the task is not enough (an assignee handed the task to a colleague who is no approver, who then approved):
 * the one deciding is an active MCS administrator of the approving facility, or its manager where 代理承認 applies
 * (the facility has a single MCS administrator, or the applicant is one of them), and never the applicant.
 */
@Component
public class Approvers {

    private final DirectoryService directory;
    private final Map<String, ApprovalSubject> subjects;

    public Approvers(DirectoryService directory, List<ApprovalSubject> subjects) {
        this.directory = directory;
        this.subjects = subjects.stream().collect(Collectors.toMap(ApprovalSubject::type, Function.identity()));
    }

    /** The applicant and approving facility of the request, from its register row. */
    public ApprovalSubject.Parties parties(String subjectType, long subjectId) {
        return subject(subjectType).parties(subjectId);
    }

    /** Earlier requests about the same person and group (or applicant and device), from the register. */
    public List<Long> earlier(String subjectType, long subjectId) {
        return subject(subjectType).earlier(subjectId);
    }

    private ApprovalSubject subject(String subjectType) {
        ApprovalSubject subject = subjects.get(subjectType);
        if (subject == null) {
            throw new IllegalStateException("no ApprovalSubject for " + subjectType);
        }
        return subject;
    }

    /** Whether this approver decides as 代理承認: a manager, not an MCS administrator, of the approving facility. */
    public boolean isProxy(Staff approver) {
        return !directory.activeRoles(approver.id()).contains(Role.MCS_ADMIN);
    }

    /** The deciding person in the register, or a refusal saying why they may not decide this request. */
    public Staff requireApprover(String subjectType, long subjectId, String actor) {
        ApprovalSubject.Parties parties = parties(subjectType, subjectId);
        if (actor == null || actor.equals(parties.applicantUserId())) {
            throw new UserError("自分の申請は承認できません。他の管理者または事業所管理者が承認します",
                    "applicants cannot decide their own request; another administrator or the manager does");
        }
        String facilityId = parties.approvingFacilityId();
        Staff approver = directory.staffByUserId(actor).filter(Staff::isActive)
                .filter(s -> s.facilityId().equals(facilityId)).orElseThrow(() -> refused(actor));
        var roles = directory.activeRoles(approver.id());
        if (roles.contains(Role.MCS_ADMIN) || roles.contains(Role.MANAGER) && proxyApplies(facilityId, parties)) {
            return approver;
        }
        throw refused(actor);
    }

    /** 代理承認: the manager decides where the facility has a single MCS administrator or the applicant is one. */
    private boolean proxyApplies(String facilityId, ApprovalSubject.Parties parties) {
        List<Staff> admins = directory.activeWithRole(facilityId, Role.MCS_ADMIN);
        return admins.size() <= 1 || admins.stream().anyMatch(a -> a.userId().equals(parties.applicantUserId()));
    }

    private static UserError refused(String actor) {
        return new UserError("この申請を判断できるのは、承認する事業所の有効なMCS管理者（代理承認では事業所管理者）だけです: " + actor,
                "only an active MCS administrator of the approving facility (or its manager for 代理承認) decides: "
                        + actor);
    }
}
