package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;

/**
 * StepValues on the real engine: a value for this transaction reaches the gateway that follows and leaves no row, and
 * an instance that holds it as a variable from before goes on; an unchanged value is not written again.
 */
@DisplayName("values a step leaves: transient for this transaction, written only when changed (issue 17)")
class StepValuesTest extends EngineTestSupport {

    /** With startedBefore, holds "flag" as a variable, as an instance started before the value became transient. */
    public static class Persist implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            if (Boolean.TRUE.equals(execution.getVariable("startedBefore"))) {
                execution.setVariable("flag", false);
            }
            StepValues.setIfChanged(execution, "facility", "f1");
        }
    }

    public static class PassOn implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            StepValues.forThisTransaction(execution, "flag", true);
            StepValues.setIfChanged(execution, "facility", "f1");
        }
    }

    private String deploymentId;

    /** Gone with its instances and history: on PostgreSQL the integration tests read every deployed process after. */
    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @BeforeEach
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("step-values-probe").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("persist").camundaClass(Persist.class.getName())
                .userTask("wait")
                .serviceTask("passOn").camundaClass(PassOn.class.getName())
                .exclusiveGateway("flagSet")
                .condition("yes", "${flag}").userTask("readTrue").endEvent()
                .moveToLastGateway().condition("no", "${!flag}").userTask("readFalse").endEvent()
                .done();
        deploymentId = engine.getRepositoryService().createDeployment().addModelInstance("probe.bpmn", model).deploy()
                .getId();
    }

    @Test
    @DisplayName("the gateway reads the transient value, and neither the runtime nor the history holds it")
    void transientValueLeavesNoRow() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("step-values-probe");
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

        assertThat(instance).isWaitingAt("readTrue");
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("flag");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("flag").includeDeleted().count()).isZero();
    }

    @Test
    @DisplayName("an instance that holds the value as a variable from before keeps it one; the gateway reads the new value")
    void anEarlierVariableStaysAVariable() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("step-values-probe",
                Map.of("startedBefore", true));
        assertThat(runtimeService.getVariable(instance.getId(), "flag")).isEqualTo(false);

        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

        assertThat(instance).isWaitingAt("readTrue");
        assertThat(runtimeService.getVariable(instance.getId(), "flag")).isEqualTo(true);
    }

    @Test
    @DisplayName("a value written again unchanged adds no detail row")
    void unchangedValueIsNotWrittenAgain() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("step-values-probe");
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId())
                .variableUpdates().list()).filteredOn(d -> "facility".equals(
                        ((HistoricVariableUpdate) d).getVariableName())).hasSize(1);
        assertThat(runtimeService.getVariable(instance.getId(), "facility")).isEqualTo("f1");
    }
}
