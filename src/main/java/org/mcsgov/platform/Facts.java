package org.mcsgov.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Who acts, as the engine knows it (DESIGN.md §5, trust boundary; docs/trust-boundary.md). A person completing a task
 * or starting a process may send variables; the engine-level gate keeps them to the form's fields, so the variables
 * read here are never a form field: "initiator" is set by camunda:initiator from the authenticated user at the start
 * (or by the calling process's step from its authenticated user), and moved only by a step (a coordinator handover).
 * This is the one place that reads it.
 */
public final class Facts {

    /** The variable camunda:initiator sets; no form of any process has a field of this name. */
    private static final String STARTER = "initiator";
    private static final String FACILITY = "facilityId";

    /** Variables that only the engine and the steps write: no form may have a field of these names (FormFactsTest). */
    public static final java.util.Set<String> ENGINE_HELD = java.util.Set.of(STARTER, FACILITY, "approvalApplicant",
            "reporterUserId", "suspendedBy", "actionBy", "decidedBy", "removedBy", "removalKind", "adminGroup",
            "coordinatorGroup", "managerGroup");

    private Facts() {
    }

    /** The person the engine recorded as having started (or now being responsible for) the procedure. */
    public static String starter(DelegateExecution execution) {
        return (String) execution.getVariable(STARTER);
    }

    /**
     * The person acting now: the authenticated user of the request that completes the task or starts the process;
     * in an asynchronous step (a job has no user) the person the engine recorded as starter.
     */
    public static String actor(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : starter(execution);
    }

    /**
     * The facility the procedure is about, as its first step set it from the register (the starter's facility, or the
     * facility of the row the procedure owns); no form has a field of this name, so no person can write it.
     */
    public static String facility(org.camunda.bpm.engine.delegate.VariableScope execution) {
        return (String) execution.getVariable(FACILITY);
    }

    /** The authenticated user, or null in a job: for checks that must not fall back to a recorded person. */
    public static String authenticated(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
