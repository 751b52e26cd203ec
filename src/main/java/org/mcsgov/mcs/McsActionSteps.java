package org.mcsgov.mcs;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.Role;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.StepValues;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Steps of the process "mcs-action" (N3-8; deadlines N1-3, N2-2, N3-7). */
@Component
public class McsActionSteps {

    private static final Logger log = LoggerFactory.getLogger(McsActionSteps.class);
    private final McsActions mcsActions;
    private final McsDeadlines deadlines;
    private final McsActionLog actionLog;

    public McsActionSteps(McsActions mcsActions, McsDeadlines deadlines, McsActionLog actionLog) {
        this.mcsActions = mcsActions;
        this.deadlines = deadlines;
        this.actionLog = actionLog;
    }

    /**
     * Asks the port and records the request with its deadlines. The deadline runs from the decision (mcsDecidedAt,
     * passed by a caller whose decision came earlier, e.g. the offboarding's スタッフ解除 after 退会 was not
     * confirmed), else from now; the responsible facility is that of the candidate group.
     */
    public JavaDelegate request() {
        return execution -> {
            var action = McsAction.valueOf((String) execution.getVariable("mcsAction"));
            String subject = (String) execution.getVariable("mcsSubject");
            Instant decidedAt = execution.getVariable("mcsDecidedAt") instanceof Date decided ? decided.toInstant()
                    : EngineClock.now();
            var schedule = deadlines.schedule(action, decidedAt);
            // the reminder's and the office's times are read by their timers, created with the task in this
            // transaction; the due date stays a variable: the escalation reads it when it is due
            StepValues.forThisTransaction(execution, "mcsRemindAt", Date.from(schedule.remindAt()));
            execution.setVariable("mcsDueDate", Date.from(schedule.dueAt()));
            StepValues.forThisTransaction(execution, "mcsOfficeAt", Date.from(schedule.officeAt()));
            actionLog.requested(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), action, subject,
                    facilityOf(execution), decidedAt, schedule.dueAt());

            var outcome = mcsActions.perform(action, subject);
            log.info("[{}] MCS action {} for '{}': {}", execution.getBusinessKey(), action, subject,
                    outcome.done() ? "done by the port" : "confirmation task for a person, due " + schedule.dueAt());
            StepValues.forThisTransaction(execution, "mcsDone", outcome.done());
            execution.setVariable("mcsInstruction", outcome.instruction());
            if (outcome.done()) {
                execution.setVariable("mcsConfirmed", true);
                execution.setVariable("mcsComment", null);
                execution.setVariable("mcsConfirmedBy", "mcs-api");
                actionLog.closed(execution.getProcessInstanceId(), McsActionLog.Outcome.DONE, "mcs-api");
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
            String by = Vars.actor(execution, "mcsAssignee");
            execution.setVariable("mcsConfirmed", "done".equals(outcome));
            execution.setVariable("mcsConfirmedBy", by);
            actionLog.closed(execution.getProcessInstanceId(),
                    "done".equals(outcome) ? McsActionLog.Outcome.DONE : McsActionLog.Outcome.NOT_DONE, by);
        };
    }

    static String facilityOf(DelegateExecution execution) {
        return Role.facilityOf((String) execution.getVariable("mcsCandidateGroup"));
    }
}
