package org.mcsgov.mcs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.mcsgov.platform.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Steps of the process "mcs-action" (N3-8). */
@Component
public class McsActionSteps {

    private static final Logger log = LoggerFactory.getLogger(McsActionSteps.class);
    private final McsActions mcsActions;

    public McsActionSteps(McsActions mcsActions) {
        this.mcsActions = mcsActions;
    }

    public void request(DelegateExecution execution) {
        var action = McsAction.valueOf((String) execution.getVariable("mcsAction"));
        String subject = (String) execution.getVariable("mcsSubject");
        var outcome = mcsActions.perform(action, subject);
        log.info("[{}] MCS action {} for '{}': {}", execution.getBusinessKey(), action, subject,
                outcome.done() ? "done by the port" : "confirmation task for a person");
        execution.setVariable("mcsDone", outcome.done());
        execution.setVariable("mcsInstruction", outcome.instruction());
        if (outcome.done()) {
            execution.setVariable("mcsConfirmed", true);
            execution.setVariable("mcsComment", null);
            execution.setVariable("mcsConfirmedBy", "mcs-api");
        }
    }

    /** Complete listener of "MCSで実施して確定": only a cancellable action may be declined, and then with a reason. */
    public void confirm(DelegateTask task) {
        String outcome = (String) task.getVariable("mcsOutcome");
        String comment = (String) task.getVariable("mcsComment");
        boolean cancellable = Boolean.TRUE.equals(task.getVariable("mcsCancellable"));
        if (!"done".equals(outcome) && !"notDone".equals(outcome)) {
            throw new UserError("「実施しました」か「実施しない」を選んでください", "choose done or notDone as mcsOutcome");
        }
        if ("notDone".equals(outcome) && !cancellable) {
            throw new UserError("この操作は取り消せません。MCSで実施してから確定してください",
                    "this action cannot be cancelled: carry it out in MCS, then confirm");
        }
        if ("notDone".equals(outcome) && (comment == null || comment.isBlank())) {
            throw new UserError("実施しない理由を入力してください", "a reason is required when the action is not done");
        }
        if (comment != null && comment.length() > 500) {
            throw new UserError("コメントは500文字以内にしてください", "the comment must be at most 500 characters");
        }
        task.setVariable("mcsConfirmed", "done".equals(outcome));
        task.setVariable("mcsConfirmedBy", task.getAssignee());
    }
}
