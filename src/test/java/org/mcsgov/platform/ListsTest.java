package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a fan-out's ids: text while short, a JSON array beyond the engine's 4,000-character column")
class ListsTest {

    @Test
    void shortAndLong() {
        var few = Lists.join(List.of(1L, 2L, 3L));
        assertThat(few.getValue()).isEqualTo("1,2,3");
        assertThat(new Lists().split(few.getValue())).containsExactly("1", "2", "3");

        List<String> staff = IntStream.range(0, 2000).mapToObj(i -> "facility" + i + "-staff").toList();
        var many = Lists.join(staff);
        assertThat(many.getValue()).isInstanceOf(SpinJsonNode.class);
        assertThat(new Lists().split(many.getValue())).isEqualTo(staff);
        assertThat(new Lists().split(null)).isEmpty();
    }
}
