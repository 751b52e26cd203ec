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
 * Passwords typed into a form (the initial password of staff-onboarding, A11-1) never reach the history tables:
 * with history level full, every submitted variable would otherwise be kept for ten years. The process removes the
 * runtime variable as soon as the account is activated.
 */
@Component
public class SecretsOutOfHistory extends AbstractProcessEnginePlugin {

    static final Set<String> SECRET_VARIABLES = Set.of("initialPassword");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(new DbHistoryEventHandler()));
    }

    private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricVariableUpdateEventEntity variable
                    && SECRET_VARIABLES.contains(variable.getVariableName()))) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
