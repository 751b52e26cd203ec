package org.mcsgov.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.platform.Facts;

/**
 * The steps read who acts and for which facility from variables the input gate never lets a person write: that
 * holds only while no form has a field of such a name, since a form's fields are exactly what a person may send.
 */
@DisplayName("no form of forms/ has a field that names an engine-held fact (initiator, facilityId, …)")
class FormFactsTest {

    @Test
    void noFormWritesAFact() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                FormContract contract = FormContract.parse(form.getFileName().toString(),
                        new ObjectMapper().readTree(form.toFile()));
                contract.writable().stream().filter(Facts.ENGINE_HELD::contains)
                        .forEach(field -> offending.add(form.getFileName() + ": " + field));
            }
        }
        assertThat(offending).as("form fields a person could use to overwrite a fact").isEmpty();
        assertThat(Facts.ENGINE_HELD).contains("initiator", "facilityId", "approvalApplicant");
    }
}
