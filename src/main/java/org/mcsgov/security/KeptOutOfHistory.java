package org.mcsgov.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Variables whose values never reach the history tables, which with history level full keep every value of every
 * variable for ten years. Their runtime variables are unaffected, and every decision taken with them stays in the
 * history: the value chosen and who chose it.
 */
@Component
public class KeptOutOfHistory extends AbstractProcessEnginePlugin {

    /**
     * Passwords typed into a form (the initial password of staff-onboarding, A11-1). The process removes the runtime
     * variable as soon as the account is activated.
     */
    static final Set<String> SECRETS = Set.of("initialPassword");

    /**
     * A form's choices read from the register (every active staff member of the MCS facilities, a facility's groups
     * by their patients' names, …), which the processes remove once the choice is made (least knowledge,
     * docs/trust-boundary.md). They are not evidence: the choice is kept, and what could be chosen that day is the
     * register's history. Kept, they were the largest values an invitation wrote, three times over (runtime, its
     * history, its detail), growing with the association (issue 17).
     */
    static final Set<String> CHOICES_REMOVED_ONCE_CHOSEN = Set.of("groupOptions", "staffOptions", "successorOptions",
            "patientOptions", "correctionOptions", "destinationOptions", "importDecisionOptions", "leaverOptions",
            "moveToOptions", "moverOptions");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(new DbHistoryEventHandler()));
    }

    static boolean keptOut(String variableName) {
        return SECRETS.contains(variableName) || CHOICES_REMOVED_ONCE_CHOSEN.contains(variableName);
    }

    private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricVariableUpdateEventEntity variable && keptOut(variable.getVariableName()))) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
