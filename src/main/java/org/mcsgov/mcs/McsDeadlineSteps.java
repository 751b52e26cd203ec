package org.mcsgov.mcs;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.Role;
import org.mcsgov.notification.Kind;
import org.mcsgov.notification.Notifications;
import org.mcsgov.platform.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The deadline path of "mcs-action" (N1-3, N2-2, N3-7): a reminder to whoever has the confirmation, at the due date
 * the facility manager gets it too, and later a notice to the association office, each recorded in mcs_action.
 */
@Component
public class McsDeadlineSteps {

    private static final Logger log = LoggerFactory.getLogger(McsDeadlineSteps.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分");

    private final McsActionLog actionLog;
    private final Notifications notifications;

    public McsDeadlineSteps(McsActionLog actionLog, Notifications notifications) {
        this.actionLog = actionLog;
        this.notifications = notifications;
    }

    public JavaDelegate remind() {
        return execution -> {
            actionLog.mark(execution.getProcessInstanceId(), "reminded_at");
            notifications.notifyOpenTasks(execution, Kind.REMINDER);
            log.info("[{}] MCS action still to be confirmed: reminded", execution.getBusinessKey());
        };
    }

    /**
     * Due and not confirmed: the facility manager becomes a candidate; the task is handed back to the group, as a
     * task assigned to one person is in no one else's list.
     */
    public JavaDelegate escalate() {
        return execution -> {
            String facility = McsActionSteps.facilityOf(execution);
            var taskService = execution.getProcessEngineServices().getTaskService();
            for (var task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
                if (facility != null) {
                    taskService.addCandidateGroup(task.getId(), Role.MANAGER.groupId(facility));
                }
                taskService.setAssignee(task.getId(), null);
            }
            actionLog.mark(execution.getProcessInstanceId(), "escalated_at");
            execution.setVariable("mcsEscalatedTo", facility == null ? null : Role.MANAGER.groupId(facility));
            notifications.notifyOpenTasks(execution, Kind.ESCALATION);
            log.info("[{}] MCS action overdue: escalated to the manager of {}", execution.getBusinessKey(), facility);
        };
    }

    /** Still not confirmed after the escalation: the office is told (variable mcsOfficeNotice in Cockpit, a mail). */
    public JavaDelegate informOffice() {
        return execution -> {
            Date due = (Date) execution.getVariable("mcsDueDate");
            String notice = "MCSでの操作の期限（%s）を過ぎても確定されていません（N1-3、N2-2）: %s。事業所: %s。"
                    .formatted(TIME.format(due.toInstant().atZone(EngineClock.ZONE)),
                            execution.getVariable("mcsInstruction"), McsActionSteps.facilityOf(execution));
            actionLog.mark(execution.getProcessInstanceId(), "office_notified_at");
            execution.setVariable("mcsOfficeNotice", notice);
            notifications.informOffice(execution, notice);
            log.info("[{}] MCS action overdue: the office informed", execution.getBusinessKey());
        };
    }
}
