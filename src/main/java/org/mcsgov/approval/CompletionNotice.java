package org.mcsgov.approval;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.notification.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Issue 15 "completion reaches the applicant": ResultNotice mails the approval's outcome, but what the applicant
 * waited for comes later (the membership opened after the invitee's acceptance and the confirmation in MCS; the
 * take-out's return confirmed or its loss recorded). The step that records the completion in the register ends,
 * and its applicant — from the subject's register row, never a variable — is mailed what was recorded (the last
 * decision of the decision log). A parse listener, as ApprovalTaskNames: no BPMN edit, in the step's transaction.
 */
@Component
public class CompletionNotice extends AbstractProcessEnginePlugin {

    /** process key → the step whose end completes the request, and the subject type of its decision log. */
    private static final Map<String, String[]> COMPLETING = Map.of(
            "group-invitation", new String[] {"Task_OpenMembership", "INVITATION"},
            "device-takeout", new String[] {"Task_CheckReturn", "TAKEOUT"});

    // beans of the application, read when a step ends: the plugin itself is built before the engine
    private final ObjectProvider<Approvers> approvers;
    private final ObjectProvider<DecisionLog> decisions;
    private final ObjectProvider<Notifications> notifications;

    public CompletionNotice(ObjectProvider<Approvers> approvers, ObjectProvider<DecisionLog> decisions,
                            ObjectProvider<Notifications> notifications) {
        this.approvers = approvers;
        this.decisions = decisions;
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String[] completing = activity.getProcessDefinition() instanceof ProcessDefinitionEntity entity
                        ? COMPLETING.get(entity.getKey()) : null;
                if (completing != null && completing[0].equals(activity.getId())) {
                    activity.addListener(ExecutionListener.EVENTNAME_END,
                            (ExecutionListener) execution -> send(execution, completing[1]));
                }
            }
        });
    }

    private void send(DelegateExecution execution, String subjectType) {
        String key = execution.getProcessBusinessKey();
        long subjectId = Long.parseLong(key.substring(key.indexOf(':') + 1));
        String applicant = approvers.getObject().parties(subjectType, subjectId).applicantUserId();
        var entries = decisions.getObject().entries(subjectType, subjectId);
        if (applicant == null || entries.isEmpty()) {
            return;
        }
        DecisionLog.Entry last = entries.get(entries.size() - 1);
        Object title = execution.getVariable("approvalTitle");
        String text = "あなたの申請「" + (title == null ? key : title) + "」の手続きが完了しました: "
                + DecisionLog.Step.valueOf(last.step()).label()
                + (last.comment() == null ? "" : "（" + last.comment() + "）") + "。\n経過はホーム画面の申請一覧で確かめられます。";
        notifications.getObject().informApplicant(execution, applicant, text);
    }
}
