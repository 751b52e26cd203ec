package org.mcsgov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures of one round of `mvn verify -Pbench` (system property bench.round: the profile runs every benchmark in
 * three rounds, each a JVM and a database of its own), appended to target/bench/figures.tsv for {@link BenchReport},
 * which prints the medians as one table. A figure without a baseline has NaN there.
 */
final class BenchFigures {

    static final Path FILE = Path.of("target", "bench", "figures.tsv");
    private static final String ROUND = System.getProperty("bench.round", "1");
    private static boolean started;

    private BenchFigures() {
    }

    /** One figure of this round: ours and, where the benchmark has one, the bare engine's in the same run. */
    static synchronized void record(String figure, double ours, double baseline, String unit) {
        try {
            Files.createDirectories(FILE.getParent());
            if (!started && "1".equals(ROUND)) {
                Files.deleteIfExists(FILE);   // round 1 starts a new table
            }
            started = true;
            Files.writeString(FILE, String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%s%n", ROUND, figure, ours, baseline,
                    unit), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void record(String figure, double ours, String unit) {
        record(figure, ours, Double.NaN, unit);
    }
}
