package org.mcsgov.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A11-3 password rules on the password alone (the history rule needs the database: AccountPasswordIT). */
@DisplayName("password rules (A11-3)")
class McsPasswordPolicyTest {

    private final McsPasswordPolicy policy = new McsPasswordPolicy(null);

    private boolean passes(String password) {
        return policy.getRules().stream().allMatch(rule -> rule.execute(password) && rule.execute(password, null));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"        1a", "a       1", "  ab12  ", " abcd1234", "abcd1234 ", "\tabcd1234", "abcd123",
            "ab 1 2 3 4", "        ", "abcdefgh", "12345678", "", "ａｂｃｄ１２３４"})
    @DisplayName("blanks do not count as characters, none around the password; letters and digits both present")
    void refused(String password) {
        assertThat(passes(password)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(strings = {"abcd1234", "demo1234", "ab cd 12 34 ef", "パスワードabc12345"})
    @DisplayName("8 or more non-blank characters with letters and digits; blanks inside are allowed")
    void goodPasswords(String password) {
        assertThat(passes(password)).isTrue();
    }

    @ParameterizedTest(name = "rule {0}")
    @ValueSource(strings = {"PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_DIGIT", "PASSWORD_POLICY_LETTER",
            "PASSWORD_POLICY_NO_SURROUNDING_BLANKS", "PASSWORD_POLICY_HISTORY"})
    @DisplayName("every rule is listed (Tasklist's profile page shows them)")
    void listed(String placeholder) {
        assertThat(policy.getRules()).extracting(PasswordPolicyRule::getPlaceholder).contains(placeholder);
    }
}
