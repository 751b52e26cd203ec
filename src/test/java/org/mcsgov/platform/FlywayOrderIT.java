package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.McsGovernanceApplication;
import org.mcsgov.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway and the engine's own schema on one database (DESIGN.md §9): the register migrates on an empty database
 * (Flyway first) and on a database whose Camunda tables already exist without Flyway's history (baseline).
 */
@DisplayName("Flyway beside Camunda's schema")
class FlywayOrderIT {

    @Test
    @DisplayName("an empty database: Flyway migrates first, then the engine creates its tables")
    void emptyDatabase() {
        assertStartsAndMigrates(TestDatabase.emptyDatabaseUrl("flyway_empty"));
    }

    @Test
    @DisplayName("a database that already holds Camunda's tables: the register is added by a baseline")
    void existingEngineSchema() {
        String url = TestDatabase.emptyDatabaseUrl("flyway_existing");
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(TestDatabase.postgres() ? "postgres" : "sa").setJdbcPassword("")
                .setDatabaseSchemaUpdate("true").setHistory("full").setJobExecutorActivate(false)
                .setProcessEngineName("pre-existing").buildProcessEngine().close();
        assertStartsAndMigrates(url);
    }

    private static void assertStartsAndMigrates(String url) {
        try {
            startAndCheck(url);
        } finally {
            TestDatabase.dropIfPostgres(url);
        }
    }

    private static void startAndCheck(String url) {
        try (var context = new SpringApplicationBuilder(McsGovernanceApplication.class).run(
                "--spring.datasource.url=" + url, "--server.port=0", "--mcs.demo.enabled=true",
                "--mcs.demo.password=demo1234", "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.webapp.enabled=false")) {   // as in RestartIT: the shared webapps keep their engine
            var jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM facility").query(Long.class).single()).isEqualTo(5);
            var flyway = context.getBean(Flyway.class).info();
            assertThat(flyway.pending()).isEmpty();
            assertThat(flyway.applied()).extracting(m -> m.getVersion().getVersion()).contains("1", "2");
        }
    }
}
