package org.mcsgov.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/ and forms/ as one deployment under stable resource names ("bpmn/x.bpmn", "forms/y.form").
 * Camunda's auto-deployment names resources by absolute path under spring-boot:run and by file name under
 * java -jar, so switching modes created new versions; duplicate filtering here makes a restart deploy nothing.
 * Forms go in the same deployment because the processes bind them with formRefBinding="deployment".
 */
@Component
@Order(1)
public class ProcessDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "mcs-governance";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;

    public ProcessDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        deploy(Map.of());
    }

    /**
     * Deploys bpmn/ and forms/ as they are on the class path, or with some resources replaced (a release as a test
     * ships it). Any change redeploys every process (formRefBinding="deployment" binds the forms of the same
     * deployment): running instances stay on their version, and the periodic duties' calendar rules keep their next
     * dates (Schedules).
     */
    public DeploymentWithDefinitions deploy(Map<String, byte[]> replaced) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("mcs-governance")
                .enableDuplicateFiltering(false);
        for (String folder : new String[] {"bpmn", "forms"}) {
            for (Resource resource : resolver.getResources("classpath*:" + folder + "/*.*")) {
                String name = folder + "/" + resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    deployment.addInputStream(name, replaced.containsKey(name)
                            ? new java.io.ByteArrayInputStream(replaced.get(name)) : in);
                }
            }
        }
        var result = deployment.deployWithResult();
        var deployed = result.getDeployedProcessDefinitions();
        log.info("deployment {}: {}", result.getId(),
                deployed == null ? "unchanged, nothing deployed" : deployed.size() + " process definitions deployed");
        // a restart deploys nothing and leaves the engine's deployment cache empty: filled here, before the job
        // executor starts, not by its first jobs at once (CrashIT saw a restarted node's first tasks fail to start
        // their notification while several jobs filled the cache concurrently)
        repositoryService.createProcessDefinitionQuery().latestVersion().list()
                .forEach(definition -> repositoryService.getProcessDefinition(definition.getId()));
        return result;
    }
}
