package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.AppProcess;
import org.mcsgov.Fixture;
import org.mcsgov.McsGovernanceApplication;
import org.mcsgov.TestDatabase;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash safety: the application process (the jar, in a JVM of its own) is killed with kill -9 while a person in
 * many groups is offboarded, in the middle of the job executor's fan-out of the removals and of people confirming
 * them, and restarted on the same database (an H2 file, or a PostgreSQL database of its own with
 * -Ppostgres). A dead process's job locks expire (5 s here, 5 minutes by default) and another run takes them over.
 */
@DisplayName("crash safety: kill -9 during an offboarding fan-out, restart on the same database")
class CrashIT {

    private static final int GROUPS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIRM = "Task_ConfirmMcsAction";
    private static final String DONE = "{\"variables\": {\"mcsOutcome\": {\"value\": \"done\"}}}";

    private record Leaver(long staffId, String instanceId) {
    }

    @Test
    @DisplayName("N1-3: killed while fanning out and confirming: every membership closed once, no task lost or doubled")
    void killedInTheMiddle() throws Exception {
        String url = TestDatabase.emptyDatabaseUrl("crash");
        String user = TestDatabase.postgres() ? "postgres" : "sa";
        try {
            Leaver leaver = offboardingStarted(url, user);

            // run 1: the job executor fans out the removals; once a quarter of the confirmation tasks exist, people
            // confirm them (4 at a time) while the fan-out goes on; kill -9 after the fifth confirmation
            long[] created = new long[1];
            var confirmed = new AtomicInteger();
            var lost = new AtomicInteger();
            try (AppProcess app = start(url, user, 1)) {
                AppProcess.await(Duration.ofMinutes(2), () -> (created[0] = openTasks(app, CONFIRM).size()) >= GROUPS / 4);
                var people = Executors.newFixedThreadPool(4);
                for (String taskId : openTasks(app, CONFIRM)) {
                    people.submit(() -> {
                        try {
                            assertThat(complete(app, taskId, DONE)).isEqualTo(204);
                            if (confirmed.incrementAndGet() == 5) {
                                app.kill();
                            }
                        } catch (IOException killed) {
                            lost.incrementAndGet();
                        }
                    });
                }
                people.shutdown();
                assertThat(people.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }

            // run 2: the dead process's job locks expire and the fan-out completes; every confirmation answered 204
            // before the kill is kept; a click in flight may have committed without its answer arriving
            long open;
            try (AppProcess app = start(url, user, 2)) {
                // the release in MCS is asked at the start beside the removals (revocation first): GROUPS + 1 confirmations
                AppProcess.await(Duration.ofMinutes(2), () -> count(app, "/engine-rest/history/task/count?taskDefinitionKey="
                        + CONFIRM) == GROUPS + 1);
                open = openTasks(app, CONFIRM).size();
                assertThat(open).isBetween((long) GROUPS + 1 - confirmed.get() - lost.get(),
                        (long) GROUPS + 1 - confirmed.get());
                for (String taskId : openTasks(app, CONFIRM)) {
                    assertThat(complete(app, taskId, DONE)).isEqualTo(204);
                }
                AppProcess.await(Duration.ofMinutes(1), () -> !openTasks(app, "UserTask_AcknowledgePledge").isEmpty());
                assertThat(complete(app, openTasks(app, "UserTask_AcknowledgePledge").get(0), """
                        {"variables": {"acknowledgedBy": {"value": "admin"}, "pledgeAcknowledged": {"value": true}}}"""))
                        .isEqualTo(204);
                AppProcess.await(Duration.ofMinutes(1), () -> count(app, "/engine-rest/history/process-instance/count"
                        + "?finished=true&processInstanceId=" + leaver.instanceId()) == 1);
            }

            // the business key of the step in the log pattern (MDC), not only where a step writes it itself
            assertThat(Files.readString(log(2))).containsPattern("INFO \\[membership:\\d+\\] \\d+ ---");

            var jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, ""));
            assertThat(jdbc.sql(OffboardingFixture.MEMBERSHIPS_CLOSED_ONCE).param(leaver.staffId())
                    .query(Long.class).single()).isEqualTo(GROUPS);
            assertThat(jdbc.sql("SELECT status FROM staff WHERE id = ?").param(leaver.staffId()).query(String.class)
                    .single()).isEqualTo("LEFT");
            assertThat(jdbc.sql("SELECT state_ FROM act_hi_procinst WHERE id_ = ?").param(leaver.instanceId())
                    .query(String.class).single()).isEqualTo("COMPLETED");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM act_hi_procinst WHERE root_proc_inst_id_ = ?
                        AND proc_def_key_ = 'membership-removal' AND state_ = 'COMPLETED'""")
                    .param(leaver.instanceId()).query(Long.class).single()).isEqualTo(GROUPS);
            // one confirmation per removal plus the release in MCS, each created once and completed once
            var tasks = jdbc.sql("SELECT delete_reason_ FROM act_hi_taskinst WHERE root_proc_inst_id_ = ? AND task_def_key_ = ?")
                    .params(leaver.instanceId(), CONFIRM).query(String.class).list();
            assertThat(tasks).hasSize(GROUPS + 1).containsOnly("completed");
            System.out.printf("%nCRASH %s: %d memberships; kill -9 with %d+ of %d confirmation tasks created and %d "
                            + "confirmed (%d clicks in flight or refused, %d of them still open after the restart and "
                            + "done again); after the restart: "
                            + "%d memberships closed exactly once, %d removals, %d confirmation tasks (none lost or "
                            + "doubled), offboarding COMPLETED%n",
                    TestDatabase.postgres() ? "postgres" : "h2", GROUPS, created[0], GROUPS, confirmed.get(),
                    lost.get(), open - (GROUPS - confirmed.get() - lost.get()), GROUPS, GROUPS, tasks.size());
        } finally {
            TestDatabase.dropIfPostgres(url);
        }
    }

    /** In this JVM, like the office would: a clinic, a leaver in GROUPS groups, and the offboarding started. */
    private static Leaver offboardingStarted(String url, String user) {
        try (var context = new SpringApplicationBuilder(McsGovernanceApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--server.port=0",
                "--camunda.bpm.generate-unique-process-engine-name=true", "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=false")) {
            Fixture clinic = Fixture.facility(context.getBean(DirectoryService.class), FacilityKind.CLINIC);
            String admin = clinic.person("admin", Role.MCS_ADMIN).userId();
            Staff coord = clinic.person("coord", Role.COORDINATOR);
            Staff leaver = clinic.person("leaver", Role.COORDINATOR);
            OffboardingFixture.memberOf(context.getBean(GroupService.class), clinic.facilityId, coord, leaver, GROUPS);
            IdentityService identity = context.getBean(IdentityService.class);
            identity.setAuthentication(admin, identity.createGroupQuery().groupMember(admin).list().stream()
                    .map(Group::getId).toList());
            try {
                String instance = context.getBean(RuntimeService.class).startProcessInstanceByKey("staff-offboarding")
                        .getId();
                // the administrator chooses the leaver from the lists; the account is locked with this completion
                TaskService tasks = context.getBean(TaskService.class);
                String choice = tasks.createTaskQuery().processInstanceId(instance)
                        .taskDefinitionKey("UserTask_ChooseLeaver").singleResult().getId();
                tasks.complete(choice, Map.of("leaverUserId", leaver.userId(),
                        "offboardingReason", "2026年11月末で退職", "mcsExit", "release"));
                return new Leaver(leaver.id(), instance);
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    private static AppProcess start(String url, String user, int run) {
        return AppProcess.start(url, user, log(run), "--camunda.bpm.job-execution.lock-time-in-millis=5000");
    }

    private static Path log(int run) {
        return Path.of("target", "crash-logs", (TestDatabase.postgres() ? "postgres" : "h2") + "-run" + run + ".log");
    }

    private static List<String> openTasks(AppProcess app, String key) {
        try {
            var response = app.call("GET", "/engine-rest/task?taskDefinitionKey=" + key + "&maxResults=1000", null);
            return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false)
                    .map(t -> t.get("id").asText()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(AppProcess app, String path) {
        try {
            return JSON.readTree(app.call("GET", path, null).body()).get("count").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int complete(AppProcess app, String taskId, String variables) throws IOException {
        return app.call("POST", "/engine-rest/task/" + taskId + "/complete", variables).statusCode();
    }
}
