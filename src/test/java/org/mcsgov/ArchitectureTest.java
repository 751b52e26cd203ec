package org.mcsgov;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two tiers a newcomer can see (issue 16): registers below, procedures above, cross-cutting tiers around them.
 * A module is a package right under org.mcsgov (its sub-packages included). Allowed directions, bottom up:
 * <pre>
 * platform                      nothing of ours
 * audit, notification (records) platform
 * registers                     platform only (not each other; no DelegateExecution; they publish events)
 * security                      platform, records, registers
 * procedures                    platform, records, registers, security, and other procedures (no cycle)
 * api, web, home, demo, app     anything
 * </pre>
 * The same table draws docs/modules.md, so the diagram is the code's and cannot drift.
 */
@DisplayName("architecture: registers below, procedures above, no package cycle (issue 16)")
class ArchitectureTest {

    /** Tier → modules, bottom up. A new procedure (its steps, listeners, controller) is a new package in PROCEDURES. */
    static final Map<String, List<String>> TIERS = tiers(
            "platform", List.of("platform"),
            "records", List.of("audit", "notification"),
            "registers", List.of("directory", "patient", "group", "device", "account", "decision"),
            "security", List.of("security"),
            "procedures", List.of("invitation", "staff", "consent", "grouplife", "membershipreview", "training",
                    "attestation", "takeout", "securityincident", "approval", "mcs", "facility", "correction",
                    "migration", "inactivity", "deviceloan", "coordinator", "factorreset"),
            "edge", List.of("api", "web", "home", "demo", "dashboard", "webapps", "app"));

    static final Path DIAGRAM = Path.of("docs/modules.md");
    static final Path README = Path.of("README.md");
    static final String BEGIN = "<!-- modules:begin -->";
    static final String END = "<!-- modules:end -->";
    static final String HEADER = """
            # Modules (generated)

            Written by `ArchitectureTest` from the compiled classes; the test fails when this file (or the copy in
            README.md, Layout) differs (regenerate: `mvn -B -q test -Dtest=ArchitectureTest -Dmodules.write=true`).
            Tiers bottom up; an arrow is "uses"; every module uses `platform`, those arrows are left out.

            """;

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mcsgov");
    }

    @Test
    @DisplayName("no cycle between the modules")
    void noCycle() {
        slices().matching("org.mcsgov.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("each tier uses only the tiers below it")
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.mcsgov..")
                .layer("Platform").definedBy(packages("platform"))
                .layer("Records").definedBy(packages("records"))
                .layer("Registers").definedBy(packages("registers"))
                .layer("Security").definedBy(packages("security"))
                .layer("Procedures").definedBy(packages("procedures"))
                .layer("Edge").definedBy(packages("edge"))
                .whereLayer("Platform").mayNotAccessAnyLayer()
                .whereLayer("Records").mayOnlyAccessLayers("Platform")
                .whereLayer("Registers").mayOnlyAccessLayers("Platform")
                .whereLayer("Security").mayOnlyAccessLayers("Platform", "Records", "Registers")
                .whereLayer("Procedures").mayOnlyAccessLayers("Platform", "Records", "Registers", "Security")
                .check(classes);
    }

    @Test
    @DisplayName("a register uses no other register")
    void registersStandAlone() {
        for (String register : TIERS.get("registers")) {
            String[] others = TIERS.get("registers").stream().filter(r -> !r.equals(register))
                    .map(r -> "org.mcsgov." + r + "..").toArray(String[]::new);
            noClasses()
                    .that().resideInAPackage("org.mcsgov." + register + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
        }
    }

    @Test
    @DisplayName("a register takes values, never a DelegateExecution or a task (the steps live in the procedures)")
    void registersTakeValues() {
        noClasses().that().resideInAnyPackage(packages("registers"))
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..").check(classes);
    }

    @Test
    @DisplayName("every module has its tier (a new package must say where it stands)")
    void everyModuleHasATier() {
        Set<String> known = new TreeSet<>();
        TIERS.values().forEach(known::addAll);
        Set<String> modules = new TreeSet<>();
        classes.forEach(c -> modules.add(module(c)));
        assertThat(known).as("modules without a tier in ArchitectureTest.TIERS").containsAll(modules);
    }

    @Test
    @DisplayName("docs/modules.md and the README's Layout show the real dependencies")
    void diagramIsCurrent() throws IOException {
        String mermaid = mermaid();
        String page = HEADER + mermaid;
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int from = readme.indexOf(BEGIN) + BEGIN.length();
        int to = readme.indexOf(END);
        assertThat(from).as("README.md marks the diagram with " + BEGIN + " … " + END).isPositive().isLessThan(to + 1);
        if (Boolean.getBoolean("modules.write")) {
            Files.writeString(DIAGRAM, page, StandardCharsets.UTF_8);
            Files.writeString(README, readme.substring(0, from) + "\n" + mermaid + readme.substring(to),
                    StandardCharsets.UTF_8);
            readme = Files.readString(README, StandardCharsets.UTF_8);
            to = readme.indexOf(END);
        }
        String regenerate = "mvn -B -q test -Dtest=ArchitectureTest -Dmodules.write=true, then commit it";
        assertThat(Files.exists(DIAGRAM) ? Files.readString(DIAGRAM, StandardCharsets.UTF_8) : "")
                .as("docs/modules.md differs from the classes: " + regenerate).isEqualTo(page);
        assertThat(readme.substring(from, to)).as("README.md Layout's diagram differs from the classes: " + regenerate)
                .isEqualTo("\n" + mermaid);
    }

    /** Mermaid: one subgraph a tier, one arrow a module dependency (to platform left out: everyone uses it). */
    static String mermaid() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass origin : classes) {
            String from = module(origin);
            origin.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass().getBaseComponentType())
                    .filter(target -> target.getPackageName().startsWith("org.mcsgov"))
                    .map(ArchitectureTest::module)
                    .filter(to -> !to.equals(from) && !to.equals("platform"))
                    .forEach(to -> uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to));
        }
        StringBuilder out = new StringBuilder("```mermaid\nflowchart BT\n");
        Set<String> present = new TreeSet<>();
        classes.forEach(c -> present.add(module(c)));
        TIERS.forEach((tier, modules) -> {
            out.append("  subgraph tier_").append(tier).append(" [").append(tier).append("]\n");
            modules.stream().filter(present::contains).forEach(m -> out.append("    ").append(m).append('\n'));
            out.append("  end\n");
        });
        uses.forEach((from, targets) -> targets.forEach(to -> out.append("  ").append(from).append(" --> ")
                .append(to).append('\n')));
        return out.append("```\n").toString();
    }

    /** The package right under org.mcsgov; the application's own classes there are "app". */
    static String module(JavaClass type) {
        String rest = type.getPackageName().equals("org.mcsgov") ? ""
                : type.getPackageName().substring("org.mcsgov.".length());
        return rest.isEmpty() ? "app" : rest.split("\\.")[0];
    }

    private static String[] packages(String tier) {
        return TIERS.get(tier).stream().map(m -> m.equals("app") ? "org.mcsgov" : "org.mcsgov." + m + "..")
                .toArray(String[]::new);
    }

    private static Map<String, List<String>> tiers(Object... tierAndModules) {
        Map<String, List<String>> tiers = new LinkedHashMap<>();
        for (int i = 0; i < tierAndModules.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> modules = (List<String>) tierAndModules[i + 1];
            tiers.put((String) tierAndModules[i], modules);
        }
        return tiers;
    }
}
