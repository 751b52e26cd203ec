package org.mcsgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's conformance table stays true: every test it names exists (the class, and the method where one is
 * named), and every BPMN element it names is in the process it names. A test renamed, split or moved without the
 * table following fails here, not in an auditor's hands.
 */
@DisplayName("README conformance table: every test and BPMN element it names exists")
class ConformanceTableTest {

    /** `SomeTest.method`, `SomeIT.*`, `SomeTest`, followed by alternates `/`other`` of the same class. */
    private static final Pattern TEST = Pattern.compile("`([A-Z]\\w*(?:Test|IT))(?:\\.(\\w+|\\*))?`((?:/`\\w+`)*)");
    private static final Pattern ALTERNATE = Pattern.compile("`(\\w+)`");
    private static final Pattern PROCESS = Pattern.compile("`([a-z][a-z0-9-]+)`");
    private static final Pattern ELEMENT = Pattern.compile(
            "\\b((?:Task|UserTask|Gateway|BoundaryTimer|BoundaryEvent|StartEvent|EndEvent|CallActivity|SubProcess|Event|Timer)_\\w+)");

    private static List<String[]> rows;
    private static Map<String, String> testSources;

    @BeforeAll
    static void read() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("## Conformance table");
        assertThat(from).as("README.md has a '## Conformance table' section").isPositive();
        int to = readme.indexOf("\n## ", from + 1);
        rows = new ArrayList<>();
        for (String line : readme.substring(from, to < 0 ? readme.length() : to).split("\n")) {
            String[] cells = line.split("(?<!\\\\)\\|");
            if (line.startsWith("| ") && cells.length >= 5 && !line.startsWith("| control") && !line.startsWith("| ---")) {
                rows.add(cells);
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            testSources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(
                    p -> p.getFileName().toString().replace(".java", ""), ConformanceTableTest::source, (a, b) -> a + b));
        }
    }

    @Test
    @DisplayName("every test class and method the table names exists")
    void testsExist() {
        assertThat(rows).as("rows of the conformance table").hasSizeGreaterThan(50);
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String[] row : rows) {
            Matcher test = TEST.matcher(row[4]);
            while (test.find()) {
                named++;
                String source = testSources.get(test.group(1));
                if (source == null) {
                    missing.add(row[1].strip() + ": class " + test.group(1));
                    continue;
                }
                List<String> methods = new ArrayList<>();
                if (test.group(2) != null && !"*".equals(test.group(2))) {
                    methods.add(test.group(2));
                }
                Matcher alternate = ALTERNATE.matcher(test.group(3));
                while (alternate.find()) {
                    methods.add(alternate.group(1));
                }
                for (String method : methods) {
                    if (!Pattern.compile("void " + method + "\\(").matcher(source).find()) {
                        missing.add(row[1].strip() + ": " + test.group(1) + "." + method);
                    }
                }
            }
        }
        assertThat(named).as("tests named by the table").isGreaterThan(100);
        assertThat(missing).as("tests the README's conformance table names but the suite does not have").isEmpty();
    }

    @Test
    @DisplayName("every BPMN element the table names is in a process named beside it")
    void elementsExist() throws IOException {
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String[] row : rows) {
            for (String part : row[3].split(";")) {
                List<String> processes = new ArrayList<>();
                Matcher process = PROCESS.matcher(part);
                while (process.find()) {
                    if (Files.exists(bpmn(process.group(1)))) {
                        processes.add(Files.readString(bpmn(process.group(1)), StandardCharsets.UTF_8));
                    }
                }
                Matcher element = ELEMENT.matcher(part);
                while (element.find() && !processes.isEmpty()) {
                    named++;
                    String id = "id=\"" + element.group(1) + "\"";
                    if (processes.stream().noneMatch(xml -> xml.contains(id))) {
                        missing.add(row[1].strip() + ": " + part.strip() + " → " + element.group(1));
                    }
                }
            }
        }
        assertThat(named).as("BPMN elements named by the table").isGreaterThan(50);
        assertThat(missing).as("BPMN elements the README's conformance table names but its process does not have")
                .isEmpty();
    }

    private static Path bpmn(String process) {
        return Path.of("bpmn", process + ".bpmn");
    }

    private static String source(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
