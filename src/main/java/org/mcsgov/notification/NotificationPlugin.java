package org.mcsgov.notification;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, present and future, announces itself when it is created: a parse listener
 * adds a create listener that only writes a notification to the outbox (Notifications.schedule) in the same transaction,
 * so no BPMN file has to name it and nothing is sent while the user's transaction is open; a BPMN file only names
 * the tasks whose process announces them itself, many at once (see {@link #digested}).
 */
@Component
public class NotificationPlugin extends AbstractProcessEnginePlugin {

    private final Notifications notifications;

    public NotificationPlugin(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener onCreate = task -> notifications.schedule(task,
                task.getTaskDefinitionKey().contains("Escalation") ? Kind.ESCALATION : Kind.NEW_TASK);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (!digested(userTaskElement)) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                }
            }
        });
    }

    /**
     * A user task with the extension property notification=digest is announced by its process in one mail per
     * person for many tasks (Notifications.announce, Notifications.digest): a campaign gives a coordinator 100 tasks.
     */
    static boolean digested(Element userTask) {
        Element properties = BpmnParseUtil.findCamundaExtensionElement(userTask, "properties");
        return properties != null && properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .anyMatch(p -> "notification".equals(p.attribute("name")) && "digest".equals(p.attribute("value")));
    }
}
