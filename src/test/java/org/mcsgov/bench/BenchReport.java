package org.mcsgov.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The last step of `mvn verify -Pbench`: every figure the rounds recorded (BenchFigures), as one Markdown table with
 * the median of the rounds beside the bare engine's median of the same runs, and the median of the ratios (each
 * round's ratio is taken within its own run, so the table compares like with like). Also in target/bench/table.md.
 */
class BenchReport {

    private record Figure(List<Double> ours, List<Double> baseline, String unit) {
    }

    @Test
    void printTable() throws IOException {
        if (!Files.exists(BenchFigures.FILE)) {
            System.out.println("BENCH no figures recorded (" + BenchFigures.FILE + ")");
            return;
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String line : Files.readAllLines(BenchFigures.FILE, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            Figure figure = figures.computeIfAbsent(cells[1], f -> new Figure(new ArrayList<>(), new ArrayList<>(), cells[4]));
            figure.ours().add(Double.parseDouble(cells[2]));
            figure.baseline().add(Double.parseDouble(cells[3]));
        }
        StringBuilder table = new StringBuilder("| figure | rounds | ours (median) | bare engine (median) | ratio (median) |\n"
                + "| --- | --- | --- | --- | --- |\n");
        figures.forEach((name, f) -> {
            double[] ratios = new double[f.ours().size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = f.ours().get(i) / f.baseline().get(i);
            }
            double baseline = median(f.baseline().stream().mapToDouble(Double::doubleValue).toArray());
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f %s | %s | %s |%n", name, f.ours().size(),
                    median(f.ours().stream().mapToDouble(Double::doubleValue).toArray()), f.unit(),
                    Double.isNaN(baseline) ? "—" : String.format(Locale.ROOT, "%.2f %s", baseline, f.unit()),
                    Double.isNaN(baseline) ? "—" : String.format(Locale.ROOT, "%.2f×", median(ratios))));
        });
        Files.writeString(BenchFigures.FILE.resolveSibling("table.md"), table, StandardCharsets.UTF_8);
        System.out.println("\nBENCH table (median of the rounds; target/bench/table.md):\n" + table);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
