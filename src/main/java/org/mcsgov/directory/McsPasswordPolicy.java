package org.mcsgov.directory;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;

/**
 * A11-3: letters and digits mixed, 8 characters or more (Camunda's default asks for more than the policy does).
 * "8 characters" means 8 that are not blanks: eight spaces and a digit, or a password with spaces around it (lost
 * when pasted, invisible when typed), are refused; and a new password is none of the last five (PasswordHistory),
 * for every way a password is set: /account/password, the webapps' profile page, /engine-rest credentials.
 */
public class McsPasswordPolicy implements PasswordPolicy {

    /** The message every refusal shows, in the UserError style (Japanese / English). */
    public static final String JAPANESE = "パスワードは英字と数字を含み、空白以外の文字で8文字以上、前後に空白のないものにし、"
            + "直近5回に使ったものは避けてください（A11-3）";
    public static final String ENGLISH = "the password must have 8 or more non-blank characters with letters and digits, "
            + "no blanks at either end, and differ from the last 5 passwords (A11-3)";

    private final PasswordHistory history;

    public McsPasswordPolicy(PasswordHistory history) {
        this.history = history;
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.of(
                new Rule("PASSWORD_POLICY_LENGTH", Map.of("minLength", "8"),
                        p -> p.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count() >= 8),
                new PasswordPolicyDigitRuleImpl(1),
                new Rule("PASSWORD_POLICY_LETTER", Map.of("minLetter", "1"),
                        p -> p.chars().anyMatch(c -> c < 128 && Character.isLetter(c))),
                new Rule("PASSWORD_POLICY_NO_SURROUNDING_BLANKS", Map.of(), p -> p.strip().equals(p)),
                new NotRecentlyUsed(history));
    }

    /** A rule on the password alone. */
    record Rule(String placeholder, Map<String, String> parameters, Predicate<String> test)
            implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return placeholder;
        }

        @Override
        public Map<String, String> getParameters() {
            return parameters;
        }

        @Override
        public boolean execute(String password) {
            return password != null && test.test(password);
        }
    }

    /** None of the person's last five passwords (the engine passes the user whose password is set). */
    record NotRecentlyUsed(PasswordHistory history) implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_HISTORY";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of("last", String.valueOf(PasswordHistory.KEPT));
        }

        @Override
        public boolean execute(String password) {
            return true;
        }

        @Override
        public boolean execute(String password, User user) {
            return user == null || history == null || !history.reused(user.getId(), password);
        }
    }
}
