package org.mcsgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate (DESIGN.md §6), run by Failsafe after every process test has written its report under
 * target/process-test-coverage/: over all test classes together, each process in bpmn/ reaches every flow node
 * and at least 90 % of its sequence flows. Writes target/process-test-coverage/summary.txt.
 */
@DisplayName("process test coverage of every process")
class ProcessCoverageIT {

    private static final Path REPORTS = Path.of("target", "process-test-coverage");

    @Test
    @DisplayName("every process: all flow nodes, at least 90 % of sequence flows")
    void everyProcessIsCovered() throws IOException {
        Map<String, Set<String>> reached = new HashMap<>();
        try (Stream<Path> files = Files.walk(REPORTS)) {
            for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
                for (JsonNode suite : new ObjectMapper().readTree(report.toFile()).get("suites")) {
                    for (JsonNode run : suite.get("runs")) {
                        for (JsonNode event : run.get("events")) {
                            reached.computeIfAbsent(event.get("modelKey").asText(), k -> new HashSet<>())
                                    .add(event.get("definitionKey").asText());
                        }
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path file : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                var model = Bpmn.readModelFromFile(file.toFile());
                String key = file.getFileName().toString().replace(".bpmn", "");
                Set<String> seen = reached.getOrDefault(key, Set.of());
                var nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
                var flows = model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList();
                var missedNodes = nodes.stream().filter(id -> !seen.contains(id)).toList();
                long takenFlows = flows.stream().filter(seen::contains).count();
                double flowRatio = flows.isEmpty() ? 1 : (double) takenFlows / flows.size();
                lines.add("%s: flow nodes %d/%d, sequence flows %d/%d (%.0f %%)".formatted(key,
                        nodes.size() - missedNodes.size(), nodes.size(), takenFlows, flows.size(), flowRatio * 100));
                if (!missedNodes.isEmpty() || flowRatio < 0.9) {
                    failures.add(key + " misses nodes " + missedNodes + ", flows " + flows.stream()
                            .filter(id -> !seen.contains(id)).toList());
                }
            }
        }
        Files.write(REPORTS.resolve("summary.txt"), lines);
        lines.forEach(System.out::println);
        assertThat(failures).as("processes below the coverage gate").isEmpty();
    }
}
