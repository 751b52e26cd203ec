package org.mcsgov.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges for Prometheus (/actuator/prometheus): open tasks per process, jobs due, open incidents. Each is a count
 * query run when scraped; registered once the processes are deployed, so every process key has its gauge.
 */
@Component
public class EngineMetrics {

    private final MeterRegistry registry;
    private final RepositoryService repositoryService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;

    public EngineMetrics(MeterRegistry registry, RepositoryService repositoryService, TaskService taskService,
                         ManagementService managementService, RuntimeService runtimeService) {
        this.registry = registry;
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            String key = definition.getKey();
            Gauge.builder("mcs.tasks.open", () -> taskService.createTaskQuery().processDefinitionKey(key).count())
                    .description("open user tasks of the process").tag("process", key).register(registry);
        }
        Gauge.builder("mcs.jobs.due", () -> managementService.createJobQuery().executable().count())
                .description("jobs due now (with retries left), waiting for the job executor").register(registry);
        Gauge.builder("mcs.incidents.open", () -> runtimeService.createIncidentQuery().count())
                .description("open incidents: steps that failed after their retries (Cockpit)").register(registry);
    }
}
