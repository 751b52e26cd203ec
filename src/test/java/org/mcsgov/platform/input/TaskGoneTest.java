package org.mcsgov.platform.input;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.platform.Conflict;

/**
 * Two people complete the same task at the same moment and the winner commits while the loser's input checks are
 * reading the task: the loser hears that the task is no longer open (409), not the engine's "Cannot find task …"
 * (a 500 through /engine-rest; InvitationApiIT's race met it once in CI).
 */
@DisplayName("a task another person ended while the input checks read it: 409, the task is no longer open")
class TaskGoneTest extends EngineTestSupport {

    private String deploymentId;

    /** Gone with its instances and history: on PostgreSQL the integration tests read every deployed process after. */
    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void taskEndedDuringTheChecks() {
        deploymentId = engine.getRepositoryService().createDeployment().addModelInstance("gone.bpmn",
                Bpmn.createExecutableProcess("task-gone-probe").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("decide").camundaCandidateGroups("probe-group").endEvent().done()).deploy().getId();
        String instanceId = runtimeService.startProcessInstanceByKey("task-gone-probe").getId();
        String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        // the winner commits between the checks' reading of the task and of its candidate groups
        TaskService racing = spy(taskService);
        doAnswer(call -> {
            taskService.complete(taskId);
            return call.callRealMethod();
        }).when(racing).getIdentityLinksForTask(taskId);
        Checks checks = new Checks(racing, identityService, engine.getRepositoryService(),
                new FormContracts(engine::getRepositoryService));

        assertThatThrownBy(() -> checks.check(new CompleteTaskCmd(taskId, Map.of()),
                new Authentication("probe-user", List.of("probe-group"))))
                .isInstanceOf(Conflict.class).hasMessageContaining("既に完了しているか").hasMessageContaining("refresh");
    }
}
