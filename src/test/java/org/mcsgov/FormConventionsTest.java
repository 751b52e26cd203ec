package org.mcsgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.mcsgov.ConventionFiles.FORMS_DIR;
import static org.mcsgov.ConventionFiles.FORM_SUFFIX;
import static org.mcsgov.ConventionFiles.baseName;
import static org.mcsgov.ConventionFiles.check;
import static org.mcsgov.ConventionFiles.duplicates;
import static org.mcsgov.ConventionFiles.files;
import static org.mcsgov.ConventionFiles.memoize;
import static org.mcsgov.ConventionFiles.readJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** DESIGN.md §4 for every file in forms/: its id is its file name and it stays within what Camunda 7.24 Tasklist renders. */
class FormConventionsTest {

    /**
     * The form-js bundled in Camunda 7.24 Tasklist reads schemas up to version 16 (camunda-webapp-webjar 7.24.0,
     * lib/deps.js: schemaVersion=16; the webapps pinned @bpmn-io/form-js 1.8.7 as of 7.23). A form saved by a newer
     * Modeler with a higher schemaVersion may use components that Tasklist cannot render.
     */
    private static final int MAX_FORM_SCHEMA_VERSION = 16;


    @TestFactory
    Stream<DynamicContainer> everyForm() {
        List<Path> files = files(FORMS_DIR, FORM_SUFFIX);
        assertThat(files).as("form files in %s", FORMS_DIR.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> dynamicContainer(file.getFileName().toString(), formChecks(file)));
    }

    private static Stream<DynamicTest> formChecks(Path file) {
        Supplier<JsonNode> form = memoize(() -> readJson(file));
        return Stream.of(
                check(file, "id equals the file name", () ->
                        assertThat(form.get().path("id").asText(null)).isEqualTo(baseName(file, FORM_SUFFIX))),

                check(file, "targets the form-js of Camunda 7.24 Tasklist", () -> {
                    assertThat(form.get().path("type").asText()).as("type").isEqualTo("default");
                    assertThat(form.get().path("executionPlatform").asText()).as("executionPlatform")
                            .isEqualTo("Camunda Platform");
                    assertThat(form.get().path("schemaVersion").asInt(Integer.MAX_VALUE)).as("schemaVersion")
                            .isLessThanOrEqualTo(MAX_FORM_SCHEMA_VERSION);
                }),

                check(file, "component ids and keys are unique", () -> {
                    List<JsonNode> components = new ArrayList<>();
                    collectComponents(form.get(), components);
                    assertThat(duplicates(components.stream().map(c -> c.path("id").asText(null)).toList()))
                            .as("component ids used more than once").isEmpty();
                    assertThat(duplicates(components.stream().map(c -> c.path("key").asText(null)).toList()))
                            .as("component keys used more than once").isEmpty();
                }));
    }

    private static void collectComponents(JsonNode container, List<JsonNode> into) {
        for (JsonNode component : container.path("components")) {
            into.add(component);
            collectComponents(component, into);
        }
    }
}
