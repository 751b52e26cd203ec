package org.mcsgov.platform;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Values a step leaves for the rest of its process, written no more than their use needs (issue 17): every variable
 * is a runtime row written and removed again, a history row and a detail row, and every change of one is a detail
 * row more.
 */
public final class StepValues {

    private StepValues() {
    }

    /**
     * A value read only in this transaction, by the gateway that follows or by the creation of the next task or timer:
     * transient, no row at all. Its evidence is what it decided (the path taken, the task's due date, the timer's),
     * which the history keeps.
     */
    public static void forThisTransaction(VariableScope scope, String name, Object value) {
        TypedValue earlier = scope.getVariableTyped(name);
        // an instance started before this value became transient holds it as a variable, and keeps it: the engine
        // refuses to turn a variable into a transient value, even one removed in the same transaction
        boolean held = earlier != null && !earlier.isTransient();
        scope.setVariable(name, held ? value : Variables.untypedValue(value, true));
    }

    /** Written only when it changes: the same value written again is one more detail row that says nothing new. */
    public static void setIfChanged(VariableScope scope, String name, Object value) {
        if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
            scope.setVariable(name, value);
        }
    }
}
