package org.mcsgov.mcs;

/**
 * The port to MCS itself, which has no public API (DESIGN.md §1). Every change that must also happen inside MCS
 * passes through here, from the reusable process "mcs-action". An implementation either performs the action and
 * answers {@link Outcome#performed()}, or answers with the instruction a person must carry out in MCS and confirm
 * (確定操作, N3-8). The processes do not know which.
 */
public interface McsActions {

    Outcome perform(McsAction action, String subject);

    /** done: already carried out in MCS; otherwise instruction says, in Japanese, what to do there. */
    record Outcome(boolean done, String instruction) {
        public static Outcome performed() {
            return new Outcome(true, null);
        }

        public static Outcome manual(String instruction) {
            return new Outcome(false, instruction);
        }
    }
}
