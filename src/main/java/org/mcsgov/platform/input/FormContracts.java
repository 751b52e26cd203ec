package org.mcsgov.platform.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The contract of every user task and start event, read once per process definition from its deployed BPMN and
 * the Camunda Forms of the same deployment (formRefBinding="deployment"), so that a new process or form is covered
 * without code. Where an element has no form it may declare its inputs as the extension property {@code inputs}
 * (comma-separated); with neither, nothing may be sent.
 */
class FormContracts {

    static final String INPUTS = "inputs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<RepositoryService> repositoryService;
    private final Map<String, FormContract> byElement = new ConcurrentHashMap<>();
    private final Map<String, Map<String, JsonNode>> formsByDeployment = new ConcurrentHashMap<>();

    /** The repository service exists only once the engine is built, after the plugins that create this. */
    FormContracts(Supplier<RepositoryService> repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The contract of a user task or start event; called with the engine's authorization checks off. */
    FormContract of(String processDefinitionId, String elementId) {
        return byElement.computeIfAbsent(processDefinitionId + "#" + elementId, key -> load(processDefinitionId, elementId));
    }

    /** The none start event of a process (a start through the API or Tasklist). */
    FormContract start(String processDefinitionId) {
        return byElement.computeIfAbsent(processDefinitionId + "#start", key -> {
            var model = repositoryService.get().getBpmnModelInstance(processDefinitionId);
            return model.getModelElementsByType(StartEvent.class).stream()
                    .filter(event -> event.getEventDefinitions().isEmpty()
                            && !(event.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess))
                    .findFirst().map(event -> load(processDefinitionId, event.getId()))
                    .orElse(FormContract.none(processDefinitionId));
        });
    }

    private FormContract load(String processDefinitionId, String elementId) {
        RepositoryService repository = repositoryService.get();
        var model = repository.getBpmnModelInstance(processDefinitionId);
        FlowNode element = model.getModelElementById(elementId);
        String name = repository.getProcessDefinition(processDefinitionId).getKey() + "/" + elementId;
        String formRef = element instanceof UserTask task ? task.getCamundaFormRef()
                : element instanceof StartEvent start ? start.getCamundaFormRef() : null;
        String inputsProperty = property(element, INPUTS);
        Set<String> inputs = inputsProperty == null ? Set.of() : Arrays.stream(inputsProperty.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (formRef != null) {
            JsonNode form = forms(repository.getProcessDefinition(processDefinitionId).getDeploymentId()).get(formRef);
            if (form == null) {
                throw new IllegalStateException(name + ": form " + formRef + " is not in the process's deployment");
            }
            return FormContract.parse(name, form).with(inputs);
        }
        return inputs.isEmpty() ? FormContract.none(name) : FormContract.declared(name, inputs);
    }

    private Map<String, JsonNode> forms(String deploymentId) {
        RepositoryService repository = repositoryService.get();
        return formsByDeployment.computeIfAbsent(deploymentId, id -> {
            Map<String, JsonNode> forms = new HashMap<>();
            for (String resource : repository.getDeploymentResourceNames(id)) {
                if (resource.endsWith(".form")) {
                    try (InputStream in = repository.getResourceAsStream(id, resource)) {
                        JsonNode form = JSON.readTree(in);
                        forms.put(form.path("id").asText(), form);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return forms;
        });
    }

    static String property(BaseElement element, String name) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    /** The keys a contract allows, for messages. */
    static String allowed(FormContract contract) {
        Set<String> keys = contract.writable();
        return keys.isEmpty() ? "（なし / none）" : String.join(", ", keys.stream().sorted().toList());
    }
}
