package org.mcsgov.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail to the people who have a new task, a reminder or an escalation. Scheduling starts a `notification`
 * instance whose only step is asynchronous with retries: a failed sending never touches the task, it is retried
 * and ends as an incident in Cockpit. The recipients are the assignee, or else the candidate users and every
 * member of the candidate groups (their e-mail address in Camunda's identity service).
 */
@Component("notifications")
@EnableConfigurationProperties(MailSettings.class)
public class Notifications {

    static final String PROCESS_KEY = "notification";
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> mailSender;

    public Notifications(MailSettings settings, ObjectProvider<JavaMailSender> mailSender) {
        this.settings = settings;
        this.mailSender = mailSender;
    }

    /**
     * Starts the notification of a task in the current transaction. Without authorization checks: the person whose
     * action created the task may not start processes. Skipped where the notification process is not deployed.
     */
    static void schedule(DelegateTask task, Kind kind) {
        schedule(task.getProcessEngineServices(), task.getId(),
                task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), kind);
    }

    private static void schedule(ProcessEngineServices engine, String taskId, String businessKey, Kind kind) {
        var commandContext = Context.getCommandContext();
        ProcessDefinitionEntity definition = commandContext.getProcessDefinitionManager()
                .findLatestProcessDefinitionByKey(PROCESS_KEY);
        if (definition == null) {
            return;
        }
        commandContext.runWithoutAuthorization(() -> engine.getRuntimeService().startProcessInstanceById(
                definition.getId(), businessKey, Map.of("taskId", taskId, "kind", kind.name())));
    }

    /** The reminder of a boundary timer: every task still open in the process instance is reminded. */
    public void remindOpenTasks(DelegateExecution execution) {
        var engine = execution.getProcessEngineServices();
        engine.getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()
                .forEach(task -> schedule(engine, task.getId(), execution.getProcessBusinessKey(), Kind.REMINDER));
    }

    public String getRetryCycle() {
        return settings.getRetry();
    }

    /** Sends (or, when mail is off, logs) one message per recipient; a task done in the meantime needs none. */
    public JavaDelegate send() {
        return execution -> {
            ProcessEngineServices engine = execution.getProcessEngineServices();
            String taskId = (String) execution.getVariable("taskId");
            Kind kind = Kind.valueOf((String) execution.getVariable("kind"));
            Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                log.info("[{}] {} of task {} not sent: the task is done", execution.getBusinessKey(), kind, taskId);
                return;
            }
            Set<User> recipients = recipients(engine, task);
            String processName = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId())
                    .getName();
            for (User user : recipients) {
                String[] text = render(kind, Map.of("name", user.getLastName() + " " + user.getFirstName(),
                        "task", task.getName(), "process", Objects.toString(processName, ""),
                        "businessKey", Objects.toString(execution.getBusinessKey(), ""),
                        "due", task.getDueDate() == null ? "なし" : task.getDueDate().toString(),
                        "link", settings.getBaseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId()));
                if (settings.isEnabled()) {
                    var message = new SimpleMailMessage();
                    message.setFrom(settings.getFrom());
                    message.setTo(user.getEmail());
                    message.setSubject(text[0]);
                    message.setText(text[1]);
                    mailSender.getObject().send(message);
                } else {
                    log.info("[{}] mail off, would send to {}: {}", execution.getBusinessKey(), user.getEmail(), text[0]);
                }
            }
            execution.setVariable("recipients", String.join(",", recipients.stream().map(User::getId).toList()));
            log.info("[{}] {} of task {} to {} recipient(s)", execution.getBusinessKey(), kind, taskId, recipients.size());
        };
    }

    private static Set<User> recipients(ProcessEngineServices engine, Task task) {
        var identity = engine.getIdentityService();
        Set<String> userIds = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            userIds.add(task.getAssignee());
        } else {
            for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    userIds.add(link.getUserId());
                } else {
                    identity.createUserQuery().memberOfGroup(link.getGroupId()).list()
                            .forEach(user -> userIds.add(user.getId()));
                }
            }
        }
        Set<User> users = new LinkedHashSet<>();
        for (String userId : userIds) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                users.add(user);
            }
        }
        return users;
    }

    /** The template's first line is the subject, the rest the body; {{name}} placeholders are filled in. */
    static String[] render(Kind kind, Map<String, String> values) {
        String template;
        try {
            template = new ClassPathResource("mail/" + kind.template() + ".txt")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var value : values.entrySet()) {
            template = template.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        int newline = template.indexOf('\n');
        return new String[] {template.substring(0, newline).strip(), template.substring(newline + 1)};
    }
}
