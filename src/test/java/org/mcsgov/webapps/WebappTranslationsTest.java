package org.mcsgov.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every label of the webjar's English locale has its Japanese in our ja.json (the README's counts come from here:
 * {@code mvn -q test -Dtest=WebappTranslationsTest} prints {@code TRANSLATED <app> <ours>/<webjar's>}). A Camunda
 * upgrade that adds labels fails here until they are translated, instead of showing English among the Japanese.
 */
@DisplayName("webapp translations: every English label of Tasklist, Cockpit and Admin has its Japanese")
class WebappTranslationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A word in lower case ("by", "null"): English prose, unlike a product name or an abbreviation. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[a-z]{2,}\\b");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    @DisplayName("no label of the webjar's en.json is missing from ja.json, none is left in English")
    void complete(String app) throws IOException {
        JsonNode english = labels(app, "en");
        JsonNode japanese = labels(app, "ja");
        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        english.fieldNames().forEachRemaining(key -> {
            JsonNode ours = japanese.get(key);
            if (english.get(key).asText().isBlank()) {
                return;   // an empty label of Camunda's (NO_TASK_FORM)
            }
            if (ours == null || ours.asText().isBlank()) {
                missing.add(key);
            } else if (ours.asText().equals(english.get(key).asText()) && ENGLISH_WORD.matcher(ours.asText()).find()) {
                untranslated.add(key);   // copied over in English (names like "Camunda Cockpit", "ID", "JSON" may stay)
            }
        });
        System.out.printf("TRANSLATED %s %d/%d%n", app, english.size() - missing.size(), english.size());
        assertThat(missing).as(app + ": labels of the webjar's en.json missing from our ja.json").isEmpty();
        assertThat(untranslated).as(app + ": labels left in English").isEmpty();
    }

    /** The labels of one locale: en from Camunda's webjar, ja ours (both under META-INF/resources on the class path). */
    private static JsonNode labels(String app, String locale) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
        List<URL> found = Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(path));
        assertThat(found).as(path).hasSize(1);
        try (InputStream in = found.get(0).openStream()) {
            return JSON.readTree(in).get("labels");
        }
    }
}
