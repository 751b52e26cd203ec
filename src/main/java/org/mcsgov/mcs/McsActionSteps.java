package org.mcsgov.mcs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
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

    public JavaDelegate request() {
        return execution -> {
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
        };
    }

    /** Checks the confirmation (N3-8): only a cancellable action may be left undone, and then with a reason. */
    public JavaDelegate confirm() {
        return execution -> {
            String outcome = Vars.choice(execution, "mcsOutcome", "MCSでの実施", "done", "notDone");
            String comment = Vars.optionalText(execution, "mcsComment", "コメント", 500);
            if ("notDone".equals(outcome) && !Boolean.TRUE.equals(execution.getVariable("mcsCancellable"))) {
                throw new UserError("この操作は取り消せません。MCSで実施してから確定してください",
                        "this action cannot be cancelled: carry it out in MCS, then confirm");
            }
            if ("notDone".equals(outcome) && comment == null) {
                throw new UserError("実施しない理由を入力してください", "a reason is required when the action is not done");
            }
            execution.setVariable("mcsConfirmed", "done".equals(outcome));
            execution.setVariable("mcsConfirmedBy", Vars.actor(execution, "mcsAssignee"));
        };
    }
}
