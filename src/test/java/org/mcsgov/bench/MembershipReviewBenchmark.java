package org.mcsgov.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Benchmark (mvn verify -Pbench -Dtest=MembershipReviewBenchmark; -Ppostgres,bench with MCS_DB_URL for PostgreSQL;
 * never part of the normal suite): a city's register (10,000 groups, 50,000 memberships, CityRegister), one
 * membership review campaign fanned out by the job executor, and against it, in the same run and engine, the bare
 * engine starting 10,000 instances of a one-user-task process (not mailed, as the review tasks are not). Prints the
 * time until every review task exists (goal: within 3× the baseline and 60 s), the heap used, a coordinator's first
 * page of 50 tasks (goal < 100 ms) and the time to apply 5,000 removals through membership-removal (MCS
 * confirmations included, done by the bench).
 */
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=10", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.core-pool-size=${bench.threads:4}",
        "camunda.bpm.job-execution.max-pool-size=${bench.threads:4}"})
// -Dbench.threads=N: the job executor's threads (H2 serialises writers on its locks; does the fan-out gain from 4?)
// only injection: the process-test coverage listener (a default through spring.factories) keeps every event of the
// 10,000 instances in the heap being measured, and its report alone ran out of 1 GiB after the campaign
@TestExecutionListeners(listeners = DependencyInjectionTestExecutionListener.class)
class MembershipReviewBenchmark extends EngineTestSupport {

    /** An H2 file, not the tests' in-memory database, which would live in the 1 GiB heap being measured. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh("bench").forEach((key, value) -> registry.add(key, () -> value));
    }

    private static final int REMOVALS = Integer.getInteger("bench.removals", 5000);
    // -Dbench.clinics=N: N clinics of 100 groups each (default 100: the city's 10,000 groups)

    @Autowired JdbcTemplate jdbc;

    @Test
    void cityCampaign() throws InterruptedException {
        String db = TestDatabase.postgres() ? "PostgreSQL" : "H2";
        ScheduledExecutorService statistics = Executors.newSingleThreadScheduledExecutor();
        if (TestDatabase.postgres() && "off".equals(jdbc.queryForObject("SHOW autovacuum", String.class))) {
            // a production server analyzes tables as they grow (autovacuum, on by default); without statistics the
            // engine's queries turn into scans of tables that grew from nothing, and every job gets slower
            System.out.println("BENCH [PostgreSQL] autovacuum is off on this server: ANALYZE every 10 s instead");
            statistics.scheduleWithFixedDelay(() -> jdbc.execute("ANALYZE"), 10, 10, TimeUnit.SECONDS);
        }
        try {
            run(db);
        } finally {
            statistics.shutdownNow();
        }
    }

    private void run(String db) throws InterruptedException {
        long t0 = System.nanoTime();
        CityRegister.Shape shape = new CityRegister.Shape(Integer.getInteger("bench.clinics", 100), 100, 4, 100, 20);
        CityRegister.City city = new CityRegister(jdbc, directory, identityService).load(shape);
        int groupCount = city.groupIds().size();
        System.out.printf("%nBENCH [%s] register loaded: %d groups, %d memberships in %.1f s%n", db, groupCount,
                city.memberships(), seconds(t0));

        engine.getRepositoryService().createDeployment().name("bench-baseline").addModelInstance("bare.bpmn", bare())
                .deploy();
        for (int i = 0; i < 200; i++) {
            runtimeService.startProcessInstanceByKey("bench-bare");
        }
        long b0 = System.nanoTime();
        for (int i = 0; i < groupCount; i++) {
            runtimeService.startProcessInstanceByKey("bench-bare");
        }
        double baseline = seconds(b0);
        System.out.printf("BENCH [%s] baseline: bare engine starts %d one-user-task instances in %.1f s (%.0f/s)%n",
                db, groupCount, baseline, groupCount / baseline);

        SqlStatistics.start(jdbc);
        long c0 = System.nanoTime();
        runtimeService.startProcessInstanceByKey("membership-review");
        double started = seconds(c0);
        long tasks = waitFor(() -> reviewTasks().count(), groupCount, 600);
        double fanOut = seconds(c0);
        SqlStatistics.print(jdbc, groupCount, "group");
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("BENCH [%s] campaign: %d of %d review tasks exist after %.1f s (start transaction %.2f s); "
                        + "ratio to baseline %.2f (goal <= 3, and <= 60 s); heap used after GC %d MiB of max %d MiB%n",
                db, tasks, groupCount, fanOut, started, fanOut / baseline, heap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        BenchFigures.record(String.format("MembershipReviewBenchmark [%s]: every review task of %d groups exists, vs "
                + "as many bare starts", db, groupCount), fanOut, baseline, "s");
        BenchFigures.record(String.format("MembershipReviewBenchmark [%s]: heap used after GC, all review tasks open", db),
                heap >> 20, "MiB");

        // Each coordinator's first page is a query H2 has not answered before. The same query again is answered from
        // H2's result cache (same statement, same parameters, no table changed since): that is no figure of a page a
        // person opens after others have worked, so the figure is the median of seven coordinators' first pages.
        // Before them, the same query for someone with no task: the JVM's first task query with authorization, which
        // separates the cost of code not yet run (class loading, the JIT) from the cost of a person's tasks.
        long cold = pageMillis("bench-nobody", 0);
        List<String> coordinators = city.clinics().stream().limit(7).map(city.coordinatorOf()::get).toList();
        long[] firsts = coordinators.stream().mapToLong(coordinator -> pageMillis(coordinator, 50)).toArray();
        long again = pageMillis(coordinators.get(0), 50);
        System.out.printf("BENCH [%s] the JVM's first task query (a person with no task) %d ms; a coordinator's first page "
                        + "of 50 of their tasks (authorization on), %d coordinators: the first %d ms, median %d ms, slowest "
                        + "%d ms (goal < 100 ms), in order %s; the same page again %d ms (H2: its result cache)%n", db, cold,
                firsts.length, firsts[0], median(firsts), Arrays.stream(firsts).max().orElseThrow(),
                Arrays.toString(firsts), again);
        BenchFigures.record(String.format("MembershipReviewBenchmark [%s]: a coordinator's first page of 50 tasks, median "
                + "of 7 coordinators", db), median(firsts), "ms");
        BenchFigures.record(String.format("MembershipReviewBenchmark [%s]: the same page again", db), again, "ms");
        if (REMOVALS == 0) {
            return;
        }

        long d0 = System.nanoTime();
        List<Task> toDecide = reviewTasks().listPage(0, REMOVALS);
        for (Task task : toDecide) {
            removeOne(task);
        }
        double decisions = seconds(d0);
        long r0 = System.nanoTime();
        waitFor(() -> confirmations().count(), toDecide.size(), 600);
        double toConfirmations = seconds(r0);
        long k0 = System.nanoTime();
        for (Task task : confirmations().list()) {
            as(task.getAssignee());
            taskService.complete(task.getId(), Map.of("mcsOutcome", "done"));
            identityService.clearAuthentication();
        }
        double confirmed = seconds(k0);
        long e0 = System.nanoTime();
        long closed = waitFor(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM membership m JOIN patient_group g ON g.id = m.group_id
                WHERE g.facility_id LIKE ? AND m.close_reason LIKE '定期見直し%'""", Long.class, city.prefix() + "%"),
                toDecide.size(), 600);
        double toClosed = seconds(e0);
        System.out.printf("BENCH [%s] %d removals: %d reviewers' decisions %.1f s; engine until every MCS confirmation "
                        + "task exists %.1f s; %d confirmations %.1f s; engine until every membership is closed %.1f s; "
                        + "engine time %.1f s (%.1f ms per removal; baseline %.1f ms per start)%n",
                db, closed, toDecide.size(), decisions, toConfirmations, toDecide.size(), confirmed, toClosed,
                toConfirmations + toClosed, (toConfirmations + toClosed) * 1000 / toDecide.size(),
                baseline * 1000 / groupCount);
        BenchFigures.record(String.format("MembershipReviewBenchmark [%s]: engine time per removal, vs a bare start", db),
                (toConfirmations + toClosed) * 1000 / toDecide.size(), baseline * 1000 / groupCount, "ms");
    }

    /** One user task, not mailed (like the review tasks): the bare engine, without this application's notifications. */
    private static BpmnModelInstance bare() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("bench-bare").camundaHistoryTimeToLive(1).startEvent()
                .userTask("task").endEvent().done();
        CamundaProperty digest = model.newInstance(CamundaProperty.class);
        digest.setCamundaName("notification");
        digest.setCamundaValue("digest");
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        properties.getCamundaProperties().add(digest);
        model.<UserTask>getModelElementById("task").builder().addExtensionElement(properties);
        return model;
    }

    private org.camunda.bpm.engine.task.TaskQuery reviewTasks() {
        return taskService.createTaskQuery().processDefinitionKey("membership-review-group")
                .taskDefinitionKey("UserTask_Review");
    }

    private org.camunda.bpm.engine.task.TaskQuery confirmations() {
        return taskService.createTaskQuery().processDefinitionKey("mcs-action").taskDefinitionKey("Task_ConfirmMcsAction");
    }

    /** The coordinator unticks the first member listed and completes the review, as in Tasklist. */
    private void removeOne(Task task) {
        String listed = (String) taskService.getVariable(task.getId(), "reviewMemberIds");
        List<String> keep = new ArrayList<>(Arrays.asList(listed.split(",")));
        keep.remove(0);
        as(task.getAssignee());
        taskService.complete(task.getId(), Map.of("justification", "担当を外れた",
                "keepIds", SpinValues.jsonValue(keep.stream().map(id -> "\"" + id + "\"").toList().toString()).create()));
        identityService.clearAuthentication();
    }

    private static long waitFor(LongSupplier count, long expected, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long now = count.getAsLong();
        long reported = System.nanoTime();
        while (now < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = count.getAsLong();
            if (System.nanoTime() - reported > 30_000_000_000L) {
                System.out.printf("BENCH ... %d of %d%n", now, expected);
                reported = System.nanoTime();
            }
        }
        return now;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The time of one person's first page of (at most) 50 of their tasks, which must hold {@code expected} tasks. */
    private long pageMillis(String person, int expected) {
        as(person);
        try {
            long p0 = System.nanoTime();
            List<Task> page = taskService.createTaskQuery().taskAssignee(person).orderByDueDate().asc()
                    .orderByTaskCreateTime().asc().listPage(0, 50);
            if (page.size() != expected) {
                throw new AssertionError("page of " + page.size());
            }
            return (System.nanoTime() - p0) / 1_000_000;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
