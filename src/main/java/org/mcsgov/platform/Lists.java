package org.mcsgov.platform;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collection of a multi-instance fan-out. The ids travel as one comma-separated String variable, because a
 * java.util.List variable would need Java serialization, which the engine refuses.
 */
@Component("lists")
public class Lists {

    public List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(List<?> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
