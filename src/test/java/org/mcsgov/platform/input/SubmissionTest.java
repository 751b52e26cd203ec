package org.mcsgov.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.platform.UserError;

@DisplayName("input gate: a form's contract and what a submission may carry")
class SubmissionTest {

    private static final String FORM = """
            {"id": "f", "components": [
              {"type": "text", "text": "説明"},
              {"key": "summary", "type": "textarea", "readonly": true},
              {"key": "decision", "type": "radio", "values": [{"label": "承認", "value": "approve"}, {"label": "却下", "value": "reject"}]},
              {"key": "outcome", "type": "radio", "valuesExpression": "=if c then [{label: \\"a\\", value: \\"done\\"}] else [{label: \\"b\\", value: \\"notDone\\"}]"},
              {"key": "groupId", "type": "select", "valuesKey": "groupOptions"},
              {"key": "keepIds", "type": "checklist", "valuesKey": "memberOptions"},
              {"type": "group", "components": [{"key": "comment", "type": "textarea", "validate": {"maxLength": 10}}]}
            ]}""";

    private final FormContract contract = contract();
    private final Map<String, Object> held = Map.of("summary", "申請の内容",
            "groupOptions", "[{\"label\":\"山田 太郎様\",\"value\":\"7\"}]",
            "memberOptions", "[{\"label\":\"A\",\"value\":\"1\"},{\"label\":\"B\",\"value\":\"2\"}]");

    private static FormContract contract() {
        try {
            return FormContract.parse("p/Task", new ObjectMapper().readTree(FORM));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> checked(Map<String, Object> sent) {
        return Submission.checked(contract, sent, held::get);
    }

    @Test
    @DisplayName("the keyed fields, nested groups included; read-only, choices and lengths read from the form")
    void parsed() {
        assertThat(contract.writable()).containsExactlyInAnyOrder("decision", "outcome", "groupId", "keepIds", "comment");
        assertThat(contract.readOnly()).containsExactly("summary");
        assertThat(contract.choices().get("outcome").fixed()).containsExactly("done", "notDone");
        assertThat(contract.choices().get("keepIds").several()).isTrue();
        assertThat(contract.maxLengths()).containsEntry("comment", 10);
    }

    @Test
    @DisplayName("fields and offered choices pass; an unchanged read-only field is left out, never written back")
    void accepted() {
        var written = checked(Map.of("decision", "approve", "outcome", "done", "groupId", "7",
                "keepIds", List.of("1", "2"), "summary", "申請の内容",
                "comment", "了解"));
        assertThat(written).containsOnlyKeys("decision", "outcome", "groupId", "keepIds", "comment");
    }

    @Test
    @DisplayName("a variable outside the form, a changed read-only field, an unoffered choice, a long text, an object: refused")
    void refused() {
        assertThatThrownBy(() -> checked(Map.of("facilityId", "clinic"))).isInstanceOf(UserError.class)
                .hasMessageContaining("facilityId is not a field of p/Task");
        assertThatThrownBy(() -> checked(Map.of("summary", "書き換え"))).isInstanceOf(UserError.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> checked(Map.of("decision", "approve-all"))).hasMessageContaining("not offered");
        assertThatThrownBy(() -> checked(Map.of("groupId", "8"))).hasMessageContaining("not offered");
        assertThatThrownBy(() -> checked(Map.of("keepIds", List.of("1", "3")))).hasMessageContaining("[3]");
        assertThatThrownBy(() -> checked(Map.of("groupId", List.of("7", "7")))).hasMessageContaining("not offered");
        assertThatThrownBy(() -> checked(Map.of("comment", "12345678901"))).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> checked(Map.of("comment", new StringBuilder("x")))).hasMessageContaining("plain value");
        assertThatThrownBy(() -> checked(Map.of("comment", Variables.serializedObjectValue("rO0").create())))
                .hasMessageContaining("plain value");
    }
}
