package org.mcsgov.approval;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.notification.Notifications;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.StepValues;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of the reusable process "approval" (DESIGN.md §3b): 承認 / 却下 / 差し戻し by any member of the approving
 * groups (代理承認) who holds an approving role in the register when deciding (Approvers), never by the applicant,
 * with 承認履歴 shown and every decision logged. Reminder and expiry come from the caller's configured durations.
 */
@Component
public class ApprovalSteps {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSteps.class);
    /** Heads the earlier requests' decisions in 承認履歴. */
    public static final String EARLIER_HEADING = "【同じ方・同じ対象への以前の申請】";
    private final DecisionLog decisions;
    private final Notifications notifications;
    private final Approvers approvers;
    private final ResultNotice resultNotice;

    public ApprovalSteps(DecisionLog decisions, Notifications notifications, Approvers approvers,
                         ResultNotice resultNotice) {
        this.decisions = decisions;
        this.notifications = notifications;
        this.approvers = approvers;
        this.resultNotice = resultNotice;
    }

    public JavaDelegate prepare() {
        return execution -> {
            String history = decisions.history(subjectType(execution), subjectId(execution));
            String earlier = decisions.earlierHistory(subjectType(execution),
                    approvers.earlier(subjectType(execution), subjectId(execution)));
            // earlier requests about the same person and group: a rejection minutes ago is part of this decision
            execution.setVariable("approvalHistory", earlier.isEmpty() ? history
                    : history + "\n\n" + EARLIER_HEADING + "\n" + earlier);
            // read by the task's creation, which follows in this transaction; the task keeps it as its due date
            StepValues.forThisTransaction(execution, "approvalDueDate", due(execution));
        };
    }

    /** 承認 / 却下 / 差し戻し; a rejection or a return needs its reason; the applicant cannot approve their own request. */
    public JavaDelegate decide() {
        return execution -> {
            String decision = Vars.choice(execution, "decision", "承認・却下・差し戻し", "approve", "reject", "return");
            String comment = Vars.optionalText(execution, "decisionComment", "理由・コメント", 1000);
            if (!"approve".equals(decision) && comment == null) {
                throw new UserError("却下・差し戻しには理由を入力してください", "a reason is required to reject or return");
            }
            // the one completing, checked in the register now: holding the task is no approval (DESIGN.md §5)
            var approver = approvers.requireApprover(subjectType(execution), subjectId(execution),
                    Facts.authenticated(execution));
            String actor = approver.userId();
            // 代理承認 is marked in the history the forms, the home page and the auditor read, not only in the mail
            boolean proxy = approvers.isProxy(approver);
            decisions.record(subjectType(execution), subjectId(execution), switch (decision) {
                case "approve" -> DecisionLog.Step.APPROVE;
                case "reject" -> DecisionLog.Step.REJECT;
                default -> DecisionLog.Step.RETURN;
            }, proxy ? "代理承認" + (comment == null ? "" : ": " + comment) : comment, actor,
                    execution.getProcessInstanceId());
            resultNotice.send(execution, subjectType(execution), subjectId(execution), decision, comment, actor, proxy);
            execution.setVariable("approvalDecision", decision);
            execution.setVariable("approvalComment", comment);
            execution.setVariable("approvalDecidedBy", actor);
            log.info("[{}] {} by {}", execution.getBusinessKey(), decision, actor);
        };
    }

    public JavaDelegate remind() {
        return execution -> {
            decisions.record(subjectType(execution), subjectId(execution), DecisionLog.Step.REMIND,
                    "承認待ちの催促: " + execution.getVariable("approvalCandidateGroups"), "system",
                    execution.getProcessInstanceId());
            notifications.remindOpenTasks(execution);
            log.info("[{}] approval reminder to {}", execution.getBusinessKey(),
                    execution.getVariable("approvalCandidateGroups"));
        };
    }

    public JavaDelegate expire() {
        return execution -> {
            decisions.record(subjectType(execution), subjectId(execution), DecisionLog.Step.EXPIRE,
                    "期限（" + execution.getVariable("approvalExpireAfter") + "）までに決定なし", "system",
                    execution.getProcessInstanceId());
            execution.setVariable("approvalDecision", "expired");
            execution.setVariable("approvalComment", "期限までに承認されませんでした");
            execution.setVariable("approvalDecidedBy", "system");
            resultNotice.send(execution, subjectType(execution), subjectId(execution), "expired", null, "system", false);
            log.info("[{}] approval expired", execution.getBusinessKey());
        };
    }

    private static Date due(DelegateExecution execution) throws Exception {
        return new DurationHelper((String) execution.getVariable("approvalExpireAfter"), ClockUtil.getCurrentTime())
                .getDateAfter();
    }

    private static String subjectType(DelegateExecution execution) {
        return (String) execution.getVariable("approvalSubjectType");
    }

    private static long subjectId(DelegateExecution execution) {
        return Vars.id(execution, "approvalSubjectId", "申請");
    }
}
