package org.mcsgov.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * A step that still fails after its retries (failed-job-retry-time-cycle, application.yaml) becomes an incident in
 * Cockpit whose message tells the operator which step failed and what to do, followed by the cause.
 */
@Component
public class FailedSteps extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new ArrayList<>(
                Optional.ofNullable(configuration.getCustomIncidentHandlers()).orElse(List.of()));
        handlers.add(new GuidedIncident());
        configuration.setCustomIncidentHandlers(handlers);
    }

    static class GuidedIncident extends DefaultIncidentHandler {

        /** the incident message column holds 4000 characters */
        private static final int MAX_MESSAGE = 4000;

        GuidedIncident() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            String step = stepName(context);
            String guided = "「" + step + "」が再試行の後も失敗しました。原因を取り除いてから、Cockpit"
                    + " でこのインシデントの「Retry」（再試行）を押してください。 / Step '" + step + "' still fails after its"
                    + " retries: remove the cause, then press Retry on this incident in Cockpit. 原因 / cause: " + message;
            return super.handleIncident(context, guided.length() > MAX_MESSAGE ? guided.substring(0, MAX_MESSAGE) : guided);
        }

        private static String stepName(IncidentContext context) {
            var definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(context.getProcessDefinitionId());
            var activity = context.getActivityId() == null ? null : definition.findActivity(context.getActivityId());
            return activity == null || activity.getName() == null
                    ? definition.getKey() + "/" + context.getActivityId() : activity.getName();
        }
    }
}
