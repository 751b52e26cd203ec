package org.mcsgov;

import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * DESIGN.md §3, issue 13: no process waits for ever. A user task has a deadline path when a timer boundary event is
 * attached to it or to a sub-process around it (or a message boundary event named 「…期限…」: the deadline kept by
 * another process's timer, as a review campaign's), when its process (or a sub-process around it) has a timer event
 * sub-process, or when its documentation says why it needs none (「期限なし:」 and the reason).
 */
final class DeadlinePaths {

    static final String NO_DEADLINE = "期限なし:";

    private DeadlinePaths() {
    }

    static List<String> userTasksWithoutDeadline(BpmnModelInstance model) {
        return model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> !documented(task) && !timed(task))
                .map(BaseElement::getId).toList();
    }

    private static boolean documented(UserTask task) {
        return task.getDocumentations().stream().map(Documentation::getTextContent)
                .anyMatch(text -> text != null && text.contains(NO_DEADLINE) && text.length() > text.indexOf(NO_DEADLINE)
                        + NO_DEADLINE.length() + 5);
    }

    private static boolean timed(UserTask task) {
        for (ModelElementInstance scope = task; scope != null; scope = scope.getParentElement()) {
            if (scope instanceof Activity activity && hasDeadlineBoundary(task.getModelInstance(), activity)) {
                return true;
            }
            if (hasTimerEventSubProcess(scope)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDeadlineBoundary(org.camunda.bpm.model.xml.ModelInstance model, Activity activity) {
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getAttachedTo() == activity)
                .anyMatch(event -> event.getEventDefinitions().stream().anyMatch(definition ->
                        definition instanceof TimerEventDefinition || definition instanceof MessageEventDefinition
                                && event.getName() != null && event.getName().contains("期限")));
    }

    private static boolean hasTimerEventSubProcess(ModelElementInstance scope) {
        return scope.getChildElementsByType(SubProcess.class).stream()
                .filter(SubProcess::triggeredByEvent)
                .flatMap(sub -> sub.getChildElementsByType(StartEvent.class).stream())
                .anyMatch(start -> start.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
    }
}
