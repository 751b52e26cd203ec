package org.mcsgov.bench;

import java.util.Map;

/**
 * QuarterBenchmark's figures at the end of the quarter: tasks done and left open, rows per table (at the end and
 * written in the quarter), the size on disk, history rows by root process and instances by process, the figures
 * the README's ten-year extrapolation is made from.
 */
final class QuarterReport {

    private final String db;
    private final DatabaseCensus census;

    QuarterReport(String db, DatabaseCensus census) {
        this.db = db;
        this.census = census;
    }

    void print(QuarterPeople people, Map<String, Long> before, Map<String, Long> after, long sizeBefore,
               long sizeAfter) {
        System.out.printf("BENCH [%s] tasks done: %s%n", db, people.done());
        System.out.printf("BENCH [%s] tasks open at the end: %s%n", db, people.open());
        long engineRows = 0;
        long registerRows = 0;
        for (var table : after.entrySet()) {
            long written = table.getValue() - before.getOrDefault(table.getKey(), 0L);
            if (table.getValue() > 0) {
                System.out.printf("BENCH [%s] rows %-32s %9d at end, %+9d in the quarter%n", db, table.getKey(),
                        table.getValue(), written);
            }
            if (table.getKey().startsWith("ACT_")) {
                engineRows += written;
            } else {
                registerRows += written;
            }
        }
        System.out.printf("BENCH [%s] rows written in the quarter: engine %d, register %d; database %.1f MiB "
                        + "at the end (%.1f MiB at the start, %+.1f MiB)%n", db, engineRows, registerRows,
                sizeAfter / 1048576.0, sizeBefore / 1048576.0, (sizeAfter - sizeBefore) / 1048576.0);
        System.out.printf("BENCH [%s] storage: %s%n", db, census.storage());
        BenchFigures.record(String.format("QuarterBenchmark [%s]: engine rows written in the quarter", db), engineRows,
                "rows");
        census.historyRowsByRootProcess().forEach((key, rows) -> System.out.printf(
                "BENCH [%s] history rows by root process %-32s %9d%n", db, key, rows));
        System.out.printf("BENCH [%s] instances by process: %s%n", db, census.instancesByProcess());
    }
}
