package org.mcsgov;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/** The files of bpmn/ and forms/ and the named checks that {@link BpmnConventionsTest} and {@link FormConventionsTest} run on them. */
final class ConventionFiles {

    static final Path BPMN_DIR = Paths.get("bpmn");
    static final Path FORMS_DIR = Paths.get("forms");
    static final String BPMN_SUFFIX = ".bpmn";
    static final String FORM_SUFFIX = ".form";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConventionFiles() {
    }

    /**
     * A check named after its file also where a report shows only indices (Surefire's "everyProcess()[6][2]"):
     * the failure message starts with the file name and the check.
     */
    static DynamicTest check(Path file, String name, Executable body) {
        return dynamicTest(name, () -> {
            try {
                body.execute();
            } catch (TestAbortedException skipped) {
                throw skipped;
            } catch (Throwable failure) {
                StringBuilder message = new StringBuilder(file.getFileName() + ": " + name + ": ");
                message.append(failure.getMessage());
                for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause();
                        cause = cause.getCause()) {
                    message.append("\n  caused by: ").append(cause.getMessage());
                }
                throw new AssertionError(message.toString(), failure);
            }
        });
    }

    /** Forms by their "id"; a file that is not valid JSON is left out here and reported by {@link FormConventionsTest}. */
    static Map<String, Path> formsById() {
        Map<String, Path> forms = new HashMap<>();
        for (Path file : files(FORMS_DIR, FORM_SUFFIX)) {
            try {
                String id = JSON.readTree(file.toFile()).path("id").asText(null);
                if (id != null) {
                    forms.put(id, file);
                }
            } catch (IOException e) {
                // reported by everyForm()
            }
        }
        return forms;
    }

    static List<String> duplicates(List<String> values) {
        Set<String> seen = new HashSet<>();
        return values.stream().filter(value -> value != null && !seen.add(value)).distinct().toList();
    }

    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String baseName(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + file, e);
        }
    }

    /** Parses once per file; every check of that file then fails with the same parse error, named by the file. */
    static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private RuntimeException failure;

            @Override
            public synchronized T get() {
                if (value == null && failure == null) {
                    try {
                        value = supplier.get();
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return value;
            }
        };
    }
}
