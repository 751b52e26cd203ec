package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * One source per default (issue 16): the README's table "Defaults chosen where the policy is vague" names every
 * {@code mcs.*} setting with its default, and the application binds exactly that. The records are bound from
 * application.yaml the way Spring Boot does (their {@code @DefaultValue}s and compact constructors apply), and again
 * from the table's values: a default changed in the code, in application.yaml or in the README alone fails here.
 */
class DefaultsTableTest {

    private static final Pattern ROW = Pattern.compile("^\\|(.*)\\|(.*)\\|(.*)\\|(.*)\\|$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everySettingHasARowWithItsDefault() throws IOException {
        Map<String, String> table = table();
        EnumerablePropertySource<?> yaml = applicationYaml();
        Map<String, Object> bound = new TreeMap<>();
        Map<String, Object> fromTable = new TreeMap<>();
        Binder application = new Binder(ConfigurationPropertySources.from(yaml));
        Map<String, String> tableValues = new LinkedHashMap<>(table);
        tableValues.values().removeIf("none"::equals);
        Binder readme = new Binder(new MapConfigurationPropertySource(tableValues));
        for (Class<?> type : settingsClasses()) {
            String prefix = prefix(type);
            bound.putAll(flatten(prefix, application.bindOrCreate(prefix, type)));
            fromTable.putAll(flatten(prefix, readme.bindOrCreate(prefix, type)));
        }
        // the few settings application.yaml itself holds, as written there (they are placeholders of its other values)
        for (String name : yaml.getPropertyNames()) {
            if (name.startsWith("mcs.") && !bound.containsKey(name)) {
                bound.put(name, yaml.getProperty(name));
                fromTable.put(name, table.get(name));
            }
        }

        assertThat(new TreeSet<>(table.keySet())).as("settings in the README table").isEqualTo(bound.keySet());
        table.forEach((key, value) -> {
            if ("none".equals(value)) {
                assertThat(bound.get(key)).as(key + " has no default").satisfiesAnyOf(
                        v -> assertThat(v).isNull(), v -> assertThat(v).asString().isEmpty());
            }
        });
        assertThat(bound).as("the defaults the application binds, against the README's").isEqualTo(fromTable);
    }

    @Test
    void aRowReadsItsKeyAndFirstCode() {
        assertThat(row("| longest take-out | `P14D` (from the first day) | A12-9 | `mcs.takeout.max-period` |"))
                .containsExactly("mcs.takeout.max-period", "P14D");
        assertThat(row("| key | none: set `MCS_TOTP_KEY` | A11-3 | `mcs.totp.key` |")).containsExactly("mcs.totp.key", "none");
        assertThat(row("| escalation | at the due date | N1-3 | the due date of `mcs.deadline.revoke` |")).isEmpty();
        assertThat(row("| lockout | 5 | A11-3 | `camunda.bpm.generic-properties.properties.login-max-attempts` |")).isEmpty();
    }

    /** The table's rows that name an mcs.* setting: key → default. */
    private static Map<String, String> table() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Defaults chosen where the policy is vague");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            List<String> row = row(line);
            if (!row.isEmpty()) {
                assertThat(rows.put(row.get(0), row.get(1))).as("one row for " + row.get(0)).isNull();
            }
        }
        return rows;
    }

    /** [key, default] of a row whose last column starts with an mcs.* key; the default is the first code or "none". */
    private static List<String> row(String line) {
        Matcher cells = ROW.matcher(line.strip());
        if (!cells.matches() || !cells.group(4).strip().startsWith("`mcs.")) {
            return List.of();
        }
        Matcher key = CODE.matcher(cells.group(4));
        key.find();
        String text = cells.group(2).strip();
        Matcher value = CODE.matcher(text);
        return List.of(key.group(1), text.startsWith("none") || !value.find() ? "none" : value.group(1));
    }

    private static EnumerablePropertySource<?> applicationYaml() throws IOException {
        return (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml")).get(0);
    }

    private static List<Class<?>> settingsClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> classes = scanner.findCandidateComponents("org.mcsgov").stream()
                .map(BeanDefinition::getBeanClassName).<Class<?>>map(DefaultsTableTest::load).toList();
        assertThat(classes).as("the settings classes").hasSizeGreaterThan(20);
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefix(Class<?> type) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    /** The setting's key (prefix + kebab-case name) → value, of a record or a bean with setters. */
    private static Map<String, Object> flatten(String prefix, Object settings) {
        Map<String, Object> values = new TreeMap<>();
        try {
            if (settings.getClass().isRecord()) {
                for (var component : settings.getClass().getRecordComponents()) {
                    values.put(prefix + "." + kebab(component.getName()), component.getAccessor().invoke(settings));
                }
            } else {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(settings.getClass())) {
                    if (property.getWriteMethod() != null) {
                        values.put(prefix + "." + kebab(property.getName()), property.getReadMethod().invoke(settings));
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
