package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.McsGovernanceApplication;
import org.mcsgov.TestDatabase;
import org.mcsgov.TestNames;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A stop and a restart on the same database lose nothing and deploy nothing new (DESIGN.md §9). */
@DisplayName("restart on the same database")
class RestartIT {

    @Test
    @DisplayName("open tasks, register rows and deployments survive a restart; no new process versions")
    void restartKeepsEverything() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh("restart"));
        properties.putAll(Map.of("server.port", "0", "mcs.demo.enabled", "true", "mcs.demo.password", "demo1234",
                // a name of its own: closing this engine must not unregister the "default" engine of other tests
                "camunda.bpm.generate-unique-process-engine-name", "true",
                // without the webapps: closing a second webapp resets their static engine lookup, which the shared
                // test application's browser tests still use (Cockpit.getRuntimeDelegate() null: a 500 at login)
                "camunda.bpm.webapp.enabled", "false"));

        String instanceId;
        String taskId;
        long definitions;
        long deployments;
        long staff;
        try (ConfigurableApplicationContext first = start(properties)) {
            ProcessEngine engine = first.getBean(ProcessEngine.class);
            engine.getIdentityService().setAuthentication("clinic-coord", java.util.List.of("clinic-coord", "clinic-staff"));
            instanceId = engine.getRuntimeService().startProcessInstanceByKey("patient-consent", Map.of(
                    "patientName", "再起動 確認", "patientKana", TestNames.kana(), "birthDate", "1940-01-01")).getId();
            engine.getIdentityService().clearAuthentication();
            taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
            definitions = engine.getRepositoryService().createProcessDefinitionQuery().count();
            deployments = engine.getRepositoryService().createDeploymentQuery().count();
            staff = first.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM staff").query(Long.class).single();
        }

        try (ConfigurableApplicationContext second = start(properties)) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId())
                    .isEqualTo(instanceId);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isEqualTo(definitions);
            assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM staff").query(Long.class).single())
                    .isEqualTo(staff).isGreaterThan(0);
            assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM patient WHERE process_instance_id = ?")
                    .param(instanceId).query(Long.class).single()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // as arguments, so they override the test profile's settings
        return new SpringApplicationBuilder(McsGovernanceApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
