package org.mcsgov.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;

/** A11-3: letters and digits mixed, 8 characters or more. Camunda's default asks for more than the policy does. */
public class McsPasswordPolicy implements PasswordPolicy {

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.of(new PasswordPolicyLengthRuleImpl(8), new PasswordPolicyDigitRuleImpl(1), new LetterRule());
    }

    static final class LetterRule implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_LETTER";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of("minLetter", "1");
        }

        @Override
        public boolean execute(String password) {
            return password != null && password.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
        }
    }
}
