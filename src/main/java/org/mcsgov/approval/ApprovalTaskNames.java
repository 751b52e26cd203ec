package org.mcsgov.approval;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Issue 15 "tasks say what they are about": every approval read 「承認・却下・差し戻し」 in Tasklist, whether an
 * invitation or a take-out. The shared process's tasks take their name from approvalTitle, which the calling
 * procedure's step writes from its register row (「招待の承認: …」, 「持ち出しの承認: …」; no form may change it, the
 * gate refuses read-only fields). A parse listener, so no BPMN file changes and every future caller is covered.
 */
@Component
public class ApprovalTaskNames extends AbstractProcessEnginePlugin {

    static final String PROCESS_KEY = "approval";
    /** ACT_RU_TASK.NAME_ holds 255 characters. */
    private static final int MAX = 255;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener onCreate = task -> {
            Object title = task.getVariable("approvalTitle");
            if (title instanceof String text && !text.isBlank()) {
                task.setName(text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text);
            }
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (PROCESS_KEY.equals(keyOf(activity))) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                }
            }
        });
    }

    private static String keyOf(ActivityImpl activity) {
        return activity.getProcessDefinition() instanceof ProcessDefinitionEntity entity ? entity.getKey() : null;
    }
}
