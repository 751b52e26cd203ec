package org.mcsgov.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Staff;
import org.mcsgov.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * Issue 15 "results reach the applicant": every procedure that calls the shared approval tells its applicant the
 * outcome by mail (approval, rejection with its reason, return, expiry), here once in Java rather than in each BPMN.
 * The applicant comes from the subject's register row (Approvers), never from a variable; names are display names,
 * not login ids, because the mail is read by people.
 */
@Component
class ResultNotice {

    private final Approvers approvers;
    private final DirectoryService directory;
    private final Notifications notifications;

    ResultNotice(Approvers approvers, DirectoryService directory, Notifications notifications) {
        this.approvers = approvers;
        this.directory = directory;
        this.notifications = notifications;
    }

    /** decision: approve, reject, return or expired; decidedBy a login id or "system". */
    void send(DelegateExecution execution, String subjectType, long subjectId, String decision, String comment,
              String decidedBy, boolean proxy) {
        String applicant = approvers.parties(subjectType, subjectId).applicantUserId();
        if (applicant == null) {
            return;
        }
        String title = (String) execution.getVariable("approvalTitle");
        StringBuilder text = new StringBuilder("あなたの申請「").append(title == null ? subjectType + " " + subjectId : title)
                .append("」は").append(outcome(decision)).append("。");
        if (!"system".equals(decidedBy)) {
            text.append("\n判断した人: ").append(displayName(decidedBy)).append(proxy ? "（代理承認）" : "");
        }
        if (comment != null) {
            text.append("\n理由・コメント: ").append(comment);
        }
        text.append("\n").append(next(decision));
        notifications.informApplicant(execution, applicant, text.toString());
    }

    private String displayName(String userId) {
        return directory.staffByUserId(userId).map(Staff::name).orElse(userId);
    }

    private static String outcome(String decision) {
        return switch (decision) {
            case "approve" -> "承認されました";
            case "reject" -> "却下されました";
            case "return" -> "差し戻されました";
            default -> "期限までに決定されず、期限切れになりました";
        };
    }

    private static String next(String decision) {
        return switch (decision) {
            case "approve" -> "手続きは次の段階に進みます。経過はホーム画面の申請一覧で確かめられます。";
            case "return" -> "Tasklist の「マイタスク」で申請を直して再申請するか、取り下げてください。";
            default -> "必要であれば、改めて申請してください。";
        };
    }
}
