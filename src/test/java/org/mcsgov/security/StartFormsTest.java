package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every process a person may start from Tasklist (CREATE_INSTANCE granted to a role or the office by AccessPolicy,
 * or a candidate starter in its BPMN) has a Japanese Camunda start form: without one Tasklist shows its generic
 * 「業務キー／変数を追加」 form, which invites typing variables the input gate then refuses.
 */
class StartFormsTest extends EngineTestSupport {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    @Autowired private AccessPolicy accessPolicy;
    @Autowired private AuthorizationService authorizations;
    @Autowired private RepositoryService repository;

    @Test
    void everyProcessAPersonStartsHasAJapaneseStartForm() throws IOException {
        accessPolicy.grantFacility("startforms", "開始フォームの確認");
        accessPolicy.grantGlobal();
        Set<String> startable = new TreeSet<>();
        authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                .hasPermission(Permissions.CREATE_INSTANCE).list().stream()
                .map(auth -> auth.getResourceId()).filter(id -> !"*".equals(id)).forEach(startable::add);
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (hasCandidateStarter(definition)) {
                startable.add(definition.getKey());
            }
        }
        assertThat(startable).as("processes a person starts").contains("staff-offboarding", "device-takeout",
                "role-change", "register-import", "membership-review");

        Set<String> withoutForm = new TreeSet<>();
        for (String key : startable) {
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            assertThat(definition).as("deployed process %s", key).isNotNull();
            String formRef = noneStart(definition).getCamundaFormRef();
            if (formRef == null || !japaneseForm(definition.getDeploymentId(), formRef)) {
                withoutForm.add(key);
            }
        }
        assertThat(withoutForm).as("startable processes without a Japanese start form (camunda:formRef)").isEmpty();
    }

    private StartEvent noneStart(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class).stream()
                .filter(event -> event.getEventDefinitions().isEmpty()
                        && !(event.getParentElement() instanceof SubProcess))
                .findFirst().orElseThrow();
    }

    private boolean hasCandidateStarter(ProcessDefinition definition) {
        var process = repository.getBpmnModelInstance(definition.getId())
                .getModelElementById(definition.getKey());
        return process instanceof org.camunda.bpm.model.bpmn.instance.Process p
                && (p.getCamundaCandidateStarterGroups() != null || p.getCamundaCandidateStarterUsers() != null);
    }

    /** The form is in the process's deployment and speaks Japanese (its title and explanation). */
    private boolean japaneseForm(String deploymentId, String formRef) throws IOException {
        for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(formRef + ".form")) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
                    JsonNode form = new ObjectMapper().readTree(in);
                    return formRef.equals(form.path("id").asText()) && JAPANESE.matcher(form.toString()).find();
                }
            }
        }
        return false;
    }
}
