package org.mcsgov.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.mcsgov.EngineTestSupport;

/**
 * The invitation's shape on the bare engine, the floor under {@link InvitationBenchmark}'s figure: what an
 * implementation of the same procedure under the same principles costs before it does anything of its own. The same
 * four people complete the same four tasks with the same inputs, authenticated and checked by the input gate, as
 * people do in Tasklist (find the task, claim it, complete it). Nothing else: no called processes, no variable beyond
 * what people send, no register; the mail of each task is the application's (it mails every task).
 */
final class InvitationShape {

    /** How much of the invitation's deadlines and commit points the shape has. */
    enum Kind {
        /**
         * The invitation's: each task with its deadline timers (remind, expire, escalate, the office's: 0, 2, 1 and 3
         * on the four tasks), the open-task reminder's cycle, and the two places where the invitation commits a
         * person's click before the next step (before the approval, before the request to MCS) asynchronous.
         */
        INVITATION("bench-invitation-shape", 6, 2, 1),
        /**
         * The least the principles allow: one deadline per task ("nothing waits for ever"), nothing asynchronous, and
         * a task given to its person where the procedure knows who it is (only the approval is claimed).
         */
        LEAST("bench-least-shape", 4, 0, 0);

        final String key;
        /** What the model must hold, checked once deployed (the figures say what the shape is, so it must be it). */
        private final Map<String, Long> jobs;

        Kind(String key, long deadlines, long asynchronous, long cycles) {
            this.key = key;
            this.jobs = Map.of("timer-transition", deadlines, "async-continuation", asynchronous,
                    "timer-start-event-subprocess", cycles);
        }
    }

    private final EngineTestSupport test;
    private final Kind kind;
    private final String requester;
    private final String approver;

    private InvitationShape(EngineTestSupport test, Kind kind, String requester, String approver) {
        this.test = test;
        this.kind = kind;
        this.requester = requester;
        this.approver = approver;
    }

    /** Deploys the shape and lets the requester start it, as the invitation's authorizations let the coordinator. */
    static InvitationShape deploy(EngineTestSupport test, Kind kind, String requester, String approver) {
        ProcessEngine engine = test.engine();
        BpmnModelInstance model = kind == Kind.INVITATION ? invitation(requester, approver) : least(requester, approver);
        inputs(model, "request", "groupId,inviteeStaffId,inviteeUserId,reason,requestAction");
        inputs(model, "approve", "decision");
        inputs(model, "accept", "inviteeDecision");
        inputs(model, "confirm", "mcsOutcome");
        engine.getRepositoryService().createDeployment().name(kind.key).addModelInstance(kind.key + ".bpmn", model)
                .deploy();
        kind.jobs.forEach((type, expected) -> {
            long defined = engine.getManagementService().createJobDefinitionQuery().processDefinitionKey(kind.key)
                    .jobType(type).count();
            if (defined != expected) {
                throw new IllegalStateException(kind + ": " + defined + " " + type + " in the model, not " + expected);
            }
        });
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        start.setUserId(requester);
        start.setResource(Resources.PROCESS_DEFINITION);
        start.setResourceId(kind.key);
        start.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(start);
        if (authorizations.createAuthorizationQuery().userIdIn(requester).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId("*").count() == 0) {
            Authorization instances = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            instances.setUserId(requester);
            instances.setResource(Resources.PROCESS_INSTANCE);
            instances.setResourceId("*");
            instances.addPermission(Permissions.CREATE);
            authorizations.saveAuthorization(instances);
        }
        return new InvitationShape(test, kind, requester, approver);
    }

    private static BpmnModelInstance invitation(String requester, String approver) {
        ProcessBuilder process = Bpmn.createExecutableProcess(Kind.INVITATION.key).camundaHistoryTimeToLive(1);
        process.eventSubProcess().startEvent().interrupting(false).timerWithCycle("R/P3D").endEvent();
        return process.startEvent()
                .userTask("request").camundaCandidateUsers(requester)
                .userTask("approve").camundaAsyncBefore().camundaCandidateUsers(approver)
                .boundaryEvent("approveRemind").cancelActivity(false).timerWithDuration("P2D").endEvent()
                .moveToActivity("approve").boundaryEvent("approveExpire").timerWithDuration("P7D").endEvent()
                .moveToActivity("approve")
                .userTask("accept").camundaCandidateUsers("${inviteeUserId}")
                .boundaryEvent("acceptExpire").timerWithDuration("P7D").endEvent()
                .moveToActivity("accept")
                .serviceTask("requestMcs").camundaAsyncBefore().camundaExpression("${true}")
                .userTask("confirm").camundaCandidateUsers(requester)
                .boundaryEvent("confirmRemind").cancelActivity(false).timerWithDuration("P2D").endEvent()
                .moveToActivity("confirm").boundaryEvent("confirmOffice").cancelActivity(false)
                .timerWithDuration("P4D").endEvent()
                .moveToActivity("confirm").boundaryEvent("confirmEscalate").timerWithDuration("P3D").endEvent()
                .moveToActivity("confirm")
                .endEvent().done();
    }

    private static BpmnModelInstance least(String requester, String approver) {
        return Bpmn.createExecutableProcess(Kind.LEAST.key).camundaHistoryTimeToLive(1).startEvent()
                .userTask("request").camundaAssignee(requester)
                .boundaryEvent("requestExpire").timerWithDuration("P7D").endEvent().moveToActivity("request")
                .userTask("approve").camundaCandidateUsers(approver)
                .boundaryEvent("approveExpire").timerWithDuration("P7D").endEvent().moveToActivity("approve")
                .userTask("accept").camundaAssignee("${inviteeUserId}")
                .boundaryEvent("acceptExpire").timerWithDuration("P7D").endEvent().moveToActivity("accept")
                .userTask("confirm").camundaAssignee(requester)
                .boundaryEvent("confirmExpire").timerWithDuration("P7D").endEvent().moveToActivity("confirm")
                .endEvent().done();
    }

    /** The input gate's contract of a task without a form. */
    private static void inputs(BpmnModelInstance model, String taskId, String names) {
        UserTask task = model.getModelElementById(taskId);
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty property = model.newInstance(CamundaProperty.class);
        property.setCamundaName("inputs");
        property.setCamundaValue(names);
        properties.addChildElement(property);
        extensions.addChildElement(properties);
        task.setExtensionElements(extensions);
    }

    /** One instance, driven as {@link InvitationBenchmark} drives an invitation. */
    void once(Map<String, Object> request, String invitee) {
        String id = test.start(requester, kind.key, Map.of()).getId();
        Map<String, Object> form = new HashMap<>(request);
        form.put("inviteeUserId", invitee);
        complete(id, requester, form);
        InvitationBenchmark.executeJobs(test.engine());
        complete(id, approver, Map.of("decision", "approve"));
        complete(id, invitee, Map.of("inviteeDecision", "accept"));
        InvitationBenchmark.executeJobs(test.engine());
        complete(id, requester, Map.of("mcsOutcome", "done"));
    }

    private void complete(String processInstanceId, String user, Map<String, Object> variables) {
        completeAs(test, user, query -> query.processInstanceId(processInstanceId), variables);
    }

    /** As a person does in Tasklist: find the task, claim it if nobody has it, complete it. */
    static void completeAs(EngineTestSupport test, String user, UnaryOperator<TaskQuery> find,
            Map<String, Object> variables) {
        TaskService tasks = test.engine().getTaskService();
        test.as(user);
        try {
            var task = find.apply(tasks.createTaskQuery()).singleResult();
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            tasks.complete(task.getId(), variables);
        } finally {
            test.engine().getIdentityService().clearAuthentication();
        }
    }
}
