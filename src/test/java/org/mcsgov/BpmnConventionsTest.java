package org.mcsgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.mcsgov.ConventionFiles.BPMN_DIR;
import static org.mcsgov.ConventionFiles.BPMN_SUFFIX;
import static org.mcsgov.ConventionFiles.FORMS_DIR;
import static org.mcsgov.ConventionFiles.baseName;
import static org.mcsgov.ConventionFiles.check;
import static org.mcsgov.ConventionFiles.duplicates;
import static org.mcsgov.ConventionFiles.files;
import static org.mcsgov.ConventionFiles.formsById;
import static org.mcsgov.ConventionFiles.memoize;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The conventions of DESIGN.md §3 and §4 for every file in bpmn/ and forms/ (read from the project root, as
 * Maven runs tests there): each process parses against the BPMN and Camunda schemas, its id is its file name,
 * it is executable with a history time to live, its documentation names the policy's control IDs, Cockpit can
 * draw all of it, its ids are unique, its user tasks have forms that exist, and its call activities call
 * processes that exist (the forms themselves: {@link FormConventionsTest}).
 */
class BpmnConventionsTest {


    /** A control ID of shared/policy/ARTICLES.md: an article (A6, A5-1, A12-9) or a note for use (N1-1 .. N3-11). */
    private static final Pattern CONTROL_ID = Pattern.compile("(A\\d+(-\\d+)?|N[1-3]-\\d+)");

    @TestFactory
    Stream<DynamicContainer> everyProcess() {
        List<Path> files = files(BPMN_DIR, BPMN_SUFFIX);
        assertThat(files).as("BPMN files in %s", BPMN_DIR.toAbsolutePath()).isNotEmpty();
        Map<String, Path> forms = formsById();
        return files.stream().map(file -> dynamicContainer(file.getFileName().toString(), processChecks(file, forms)));
    }


    private static Stream<DynamicTest> processChecks(Path file, Map<String, Path> forms) {
        String expectedId = baseName(file, BPMN_SUFFIX);
        Supplier<BpmnModelInstance> parsed = memoize(() -> Bpmn.readModelFromFile(file.toFile()));
        // the other checks need the model: when it does not parse, they are skipped and the first check fails
        Supplier<BpmnModelInstance> model = () -> {
            try {
                return parsed.get();
            } catch (RuntimeException e) {
                throw new TestAbortedException(file.getFileName() + " does not parse (see its schema check)");
            }
        };
        Supplier<Process> process = () -> single(model.get().getModelElementsByType(Process.class), file);

        return Stream.of(
                check(file, "parses against the BPMN 2.0 and Camunda schemas", () ->
                        assertThat(parsed.get()).isNotNull()),

                check(file, "holds one process whose id is the file name", () ->
                        assertThat(process.get().getId()).isEqualTo(expectedId)),

                check(file, "is executable and has a history time to live", () -> {
                    assertThat(process.get().isExecutable()).as("isExecutable").isTrue();
                    assertThat(process.get().getCamundaHistoryTimeToLiveString())
                            .as("camunda:historyTimeToLive").isNotBlank();
                }),

                check(file, "process documentation names a control ID", () ->
                        assertThat(text(process.get().getDocumentations()))
                                .as("documentation of process %s", expectedId)
                                .containsPattern(CONTROL_ID)),

                check(file, "every flow node has a shape with bounds", () -> {
                    Map<String, BpmnShape> shapes = model.get().getModelElementsByType(BpmnShape.class).stream()
                            .filter(shape -> shape.getBpmnElement() != null && shape.getBounds() != null)
                            .collect(Collectors.toMap(shape -> shape.getBpmnElement().getId(), shape -> shape,
                                    (a, b) -> a));
                    assertThat(ids(model.get().getModelElementsByType(FlowNode.class).stream()
                            .filter(node -> !shapes.containsKey(node.getId()))))
                            .as("flow nodes without a BPMNShape").isEmpty();
                }),

                check(file, "every sequence flow has an edge with waypoints", () -> {
                    Set<String> edges = model.get().getModelElementsByType(BpmnEdge.class).stream()
                            .filter(edge -> edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2)
                            .map(edge -> edge.getBpmnElement().getId())
                            .collect(Collectors.toSet());
                    assertThat(ids(model.get().getModelElementsByType(SequenceFlow.class).stream()
                            .filter(flow -> !edges.contains(flow.getId()))))
                            .as("sequence flows without a BPMNEdge").isEmpty();
                }),

                check(file, "element ids are unique", () ->
                        assertThat(duplicateIds(file)).as("ids used more than once").isEmpty()),

                check(file, "every user task has a form deployed with it", () -> {
                    List<String> problems = new ArrayList<>();
                    for (UserTask task : model.get().getModelElementsByType(UserTask.class)) {
                        problems.addAll(formProblems(task.getId(), task.getCamundaFormRef(),
                                task.getCamundaFormRefBinding(), true, forms));
                    }
                    for (StartEvent start : model.get().getModelElementsByType(StartEvent.class)) {
                        problems.addAll(formProblems(start.getId(), start.getCamundaFormRef(),
                                start.getCamundaFormRefBinding(), false, forms));
                    }
                    assertThat(problems).isEmpty();
                }),

                check(file, "user tasks and call activities name their control IDs", () ->
                        assertThat(ids(Stream.concat(
                                model.get().getModelElementsByType(UserTask.class).stream(),
                                model.get().getModelElementsByType(CallActivity.class).stream())
                                .filter(element -> !CONTROL_ID.matcher(text(element.getDocumentations())).find())))
                                .as("user tasks and call activities whose documentation names no control ID")
                                .isEmpty()),

                check(file, "every call activity calls a process in bpmn/", () ->
                        assertThat(model.get().getModelElementsByType(CallActivity.class).stream()
                                .filter(call -> call.getCalledElement() == null
                                        || !Files.isRegularFile(BPMN_DIR.resolve(call.getCalledElement() + BPMN_SUFFIX)))
                                .map(call -> call.getId() + " -> " + call.getCalledElement())
                                .toList())
                                .as("call activities whose calledElement has no file in bpmn/").isEmpty()),

                check(file, "every user task has a deadline path (a timer, or 「期限なし:」 with the reason)", () ->
                        assertThat(DeadlinePaths.userTasksWithoutDeadline(model.get()))
                                .as("user tasks that can wait for ever without saying why").isEmpty()),

                check(file, "every branch of an exclusive gateway is named and has a condition", () ->
                        assertThat(model.get().getModelElementsByType(ExclusiveGateway.class).stream()
                                .filter(gateway -> gateway.getOutgoing().size() > 1)
                                .flatMap(gateway -> gateway.getOutgoing().stream()
                                        .filter(flow -> flow != gateway.getDefault())
                                        .filter(flow -> flow.getConditionExpression() == null
                                                || flow.getName() == null || flow.getName().isBlank()))
                                .map(BaseElement::getId)
                                .toList())
                                .as("outgoing flows of a split without a name or a condition").isEmpty()));
    }



    private static List<String> formProblems(String elementId, String formRef, String binding, boolean required,
            Map<String, Path> forms) {
        if (formRef == null || formRef.isBlank()) {
            return required ? List.of(elementId + ": no camunda:formRef") : List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!forms.containsKey(formRef)) {
            problems.add(elementId + ": no form with id \"" + formRef + "\" in " + FORMS_DIR);
        }
        if (!"deployment".equals(binding)) {
            problems.add(elementId + ": camunda:formRefBinding is " + binding + ", expected \"deployment\"");
        }
        return problems;
    }



    /** Ids counted on the raw XML, so that an id repeated anywhere (diagram included) is found. */
    private static List<String> duplicateIds(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList elements = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("*");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            String id = ((Element) elements.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return duplicates(ids);
    }


    private static List<String> ids(Stream<? extends BaseElement> elements) {
        return elements.map(BaseElement::getId).toList();
    }

    private static String text(Collection<Documentation> documentations) {
        return documentations.stream().map(Documentation::getTextContent).collect(Collectors.joining("\n"));
    }

    private static Process single(Collection<Process> processes, Path file) {
        assertThat(processes).as("processes in %s", file).hasSize(1);
        return processes.iterator().next();
    }




}
