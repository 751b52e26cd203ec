package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.mcsgov.AppProcess;
import org.mcsgov.McsGovernanceApplication;
import org.mcsgov.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Camunda cluster: two nodes (application contexts with engines "nodeA" and "nodeB", hosts node-a and
 * node-b, each with its job executor) on one PostgreSQL database of their own; then node-a gives way to node-c,
 * the jar in a JVM of its own, which is killed. Jobs are taken with optimistic locking, so a job runs on one node
 * only; a node that dies leaves its locked jobs to the other once the lock expires (5 s here, 5 minutes by default).
 */
@EnabledIf(value = "org.mcsgov.TestDatabase#postgres", disabledReason = "a cluster needs PostgreSQL: mvn verify -Ppostgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("cluster: two nodes on one PostgreSQL database")
class ClusterIT {

    private static final String PROBE = "cluster-probe";
    private static String url;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodes() {
        url = TestDatabase.emptyDatabaseUrl("cluster");
        nodeA = node("nodeA", "node-a");     // one after the other: the first creates the schemas
        nodeB = node("nodeB", "node-b");
        engine(nodeA).getRepositoryService().createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn",
                Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1).startEvent()
                        // a timer: the probes of one test fall due together, every node sees them at once
                        .intermediateCatchEvent("Due").timerWithDuration("PT3S")
                        .serviceTask("Probe")
                        .camundaExpression("${execution.setVariable('ranOn', execution.processEngine.name)}")
                        .endEvent().done()).deploy();
    }

    @AfterAll
    static void stop() {
        for (var node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        TestDatabase.dropIfPostgres(url);
    }

    private static ConfigurableApplicationContext node(String engineName, String hostname) {
        return new SpringApplicationBuilder(McsGovernanceApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--server.port=0",
                "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.generate-unique-process-engine-name=false",
                "--camunda.bpm.webapp.enabled=false", "--mcs.demo.enabled=false",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--camunda.bpm.job-execution.max-wait=1000",
                // the job log's hostname tells which node ran a job
                "--camunda.bpm.generic-properties.properties.hostname=" + hostname);
    }

    private static ProcessEngine engine(ConfigurableApplicationContext node) {
        return node.getBean(ProcessEngine.class);
    }

    @Test
    @Order(1)
    @DisplayName("a due timer (the security training cycle) fires exactly once")
    void timerFiresOnce() {
        var management = engine(nodeB).getManagementService();
        var timer = management.createJobQuery().processDefinitionKey("security-training").timers().singleResult();
        management.setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 1000));
        var history = engine(nodeA).getHistoryService();
        AppProcess.await(Duration.ofMinutes(1), () -> history.createHistoricJobLogQuery().jobId(timer.getId())
                .successLog().count() > 0);

        var runs = history.createHistoricJobLogQuery().jobId(timer.getId()).successLog().list();
        assertThat(runs).hasSize(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("security-training").count())
                .isEqualTo(1);
        assertThat(management.createJobQuery().processDefinitionKey("security-training").timers().singleResult()
                .getDuedate()).as("the next cycle").isInTheFuture();
        System.out.printf("%nCLUSTER timer: fired once, on %s%n", runs.get(0).getHostname());
    }

    @Test
    @Order(2)
    @DisplayName("200 jobs falling due together are shared by both nodes and each runs exactly once")
    void jobsShared() {
        Map<String, Long> perNode = runProbes(200, () -> { });
        assertThat(perNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
        System.out.printf("%nCLUSTER 200 jobs: %s%n", perNode);
    }

    @Test
    @Order(3)
    @DisplayName("a node killed in the middle (kill -9) loses no job: the other finishes them after the lock expires")
    void nodeKilled() {
        nodeA.close();
        var jdbc = nodeB.getBean(JdbcClient.class);
        String lockOwnerB = ((ProcessEngineConfigurationImpl) engine(nodeB).getProcessEngineConfiguration())
                .getJobExecutor().getLockOwner();
        long[] lockedAtKill = new long[1];
        try (AppProcess nodeC = AppProcess.start(url, "postgres", Path.of("target", "cluster-logs", "node-c.log"),
                "--camunda.bpm.process-engine-name=nodeC", "--camunda.bpm.generic-properties.properties.hostname=node-c",
                "--camunda.bpm.job-execution.lock-time-in-millis=5000", "--camunda.bpm.job-execution.max-wait=1000")) {
            Map<String, Long> perNode = runProbes(200, () -> {
                var history = engine(nodeB).getHistoryService();
                AppProcess.await(Duration.ofMinutes(1), () -> history.createHistoricJobLogQuery().successLog()
                        .hostname("node-c").processDefinitionKey(PROBE).count() >= 5);
                nodeC.kill();
                lockedAtKill[0] = jdbc.sql(
                        "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_owner_ <> ?")
                        .param(lockOwnerB).query(Long.class).single();
            });
            System.out.printf("%nCLUSTER node-c killed (kill -9) in the middle of 200 jobs: %d jobs still locked by it; "
                    + "runs %s%n", lockedAtKill[0], perNode);
        }
    }

    /**
     * Starts n probes in one transaction on node B (so both nodes see them at once), runs the disturbance, waits
     * until all have ended and checks each ran exactly once: one successful job each, one value of ranOn each.
     * Returns the successful runs per node.
     */
    private static Map<String, Long> runProbes(int n, Runnable meanwhile) {
        ProcessEngine engine = engine(nodeB);
        var before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROBE)
                .list().stream().map(i -> i.getId()).collect(Collectors.toSet());
        new TransactionTemplate(nodeB.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            for (int i = 0; i < n; i++) {
                engine.getRuntimeService().startProcessInstanceByKey(PROBE);
            }
        });
        meanwhile.run();
        var history = engine.getHistoryService();
        AppProcess.await(Duration.ofMinutes(2), () -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROBE).completed().count() == before.size() + n);

        var runs = history.createHistoricJobLogQuery().processDefinitionKey(PROBE).successLog().list().stream()
                .filter(log -> !before.contains(log.getProcessInstanceId())).toList();
        assertThat(runs).hasSize(n);
        assertThat(runs.stream().map(HistoricJobLog::getJobId).distinct()).hasSize(n);
        var values = history.createHistoricDetailQuery().variableUpdates().list().stream()
                .filter(d -> !before.contains(d.getProcessInstanceId()))
                .filter(d -> "ranOn".equals(((HistoricVariableUpdate) d).getVariableName()))
                .collect(Collectors.groupingBy(d -> d.getProcessInstanceId(), Collectors.counting()));
        assertThat(values).hasSize(n).allSatisfy((instance, count) -> assertThat(count).isEqualTo(1));
        return runs.stream().collect(Collectors.groupingBy(HistoricJobLog::getHostname, TreeMap::new,
                Collectors.counting()));
    }
}
