package org.mcsgov.bench;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mcsgov.platform.EngineClock;

/** How fast the engine's history cleanup deletes what a benchmark wrote, once its retention has passed. */
final class HistoryCleanupRate {

    private final ProcessEngine engine;
    private final DatabaseCensus census;

    HistoryCleanupRate(ProcessEngine engine, DatabaseCensus census) {
        this.engine = engine;
        this.census = census;
    }

    /**
     * The removal-time based cleanup of application.yaml, with the clock past every removal time (ten years and a
     * day after the quarter): the cleanup job is run until nothing due is left (or for maxSeconds), and only
     * its runs are timed.
     */
    void measure(String db, int maxSeconds) {
        ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(Duration.ofDays(3651))));
        Date now = ClockUtil.getCurrentTime();
        long before = census.removable(now);
        long history = historyRows(census.rows());
        var historyService = engine.getHistoryService();
        var management = engine.getManagementService();
        historyService.cleanUpHistoryAsync(true);
        long nanos = 0;
        long left = before;
        while (left > 0 && nanos < maxSeconds * 1_000_000_000L) {
            long t0 = System.nanoTime();
            historyService.findHistoryCleanupJobs().forEach(job -> management.executeJob(job.getId()));
            nanos += System.nanoTime() - t0;
            left = census.removable(now);
        }
        int batch = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryCleanupBatchSize();
        System.out.printf("BENCH [%s] history cleanup (batch %d): %d of %d rows with a removal time deleted (history "
                        + "and byte arrays: %d rows) in %.1f s of cleanup jobs: %.0f rows/s%n", db, batch, before - left,
                before, history, nanos / 1e9, (before - left) / (nanos / 1e9));
        BenchFigures.record(String.format("QuarterBenchmark [%s]: history cleanup rate", db),
                (before - left) / (nanos / 1e9), "rows/s");
    }

    /** The ACT_HI_* tables and the byte arrays (history variables' values among them). */
    private static long historyRows(Map<String, Long> rows) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith("ACT_HI_")
                || e.getKey().equals("ACT_GE_BYTEARRAY")).mapToLong(Map.Entry::getValue).sum();
    }
}
