package org.mcsgov.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mcsgov.platform.OfficeGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail to the people who have a new task, a reminder or an escalation. Scheduling writes the mail to the outbox in
 * the transaction that causes it; {@link MailDrain} sends it after the commit, and hands a failed sending to a
 * `notification` instance, whose only step is retried and ends as an incident in Cockpit: a failed sending never
 * touches the task. The recipients are the assignee, or else the candidate users and every
 * member of the candidate groups (their e-mail address in Camunda's identity service).
 */
@Component("notifications")
@EnableConfigurationProperties(MailSettings.class)
public class Notifications {

    static final String PROCESS_KEY = "notification";
    private static final String USER = "user:";
    private static final String GROUP = "group:";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> mailSender;

    private final MailOutbox outbox;

    public Notifications(MailSettings settings, ObjectProvider<JavaMailSender> mailSender, MailOutbox outbox) {
        this.settings = settings;
        this.mailSender = mailSender;
        this.outbox = outbox;
    }

    /** Writes the notification of a task to the outbox, in the transaction that creates the task. */
    void schedule(DelegateTask task, Kind kind) {
        outbox.add(Mail.aboutTask(kind, task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
                task.getId()));
    }

    /** The reminder of a boundary timer: every task still open in the process instance is reminded. */
    public void remindOpenTasks(DelegateExecution execution) {
        notifyOpenTasks(execution, Kind.REMINDER);
    }

    /** A reminder or an escalation of the tasks still open in the process instance, to whoever has them now. */
    public void notifyOpenTasks(DelegateExecution execution, Kind kind) {
        var engine = execution.getProcessEngineServices();
        engine.getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()
                .forEach(task -> outbox.add(Mail.aboutTask(kind, execution.getProcessBusinessKey(), task.getId())));
    }

    /** A notice to the association office (every member of the group "office"), e.g. a revocation still overdue. */
    public void informOffice(DelegateExecution execution, String notice) {
        inform(execution, Kind.OFFICE_NOTICE, GROUP + OfficeGroup.ID, notice);
    }

    /** A notice to one person about their procedure that someone else ended, e.g. an invitation into an archived group. */
    public void inform(DelegateExecution execution, String userId, String notice) {
        inform(execution, Kind.NOTICE, USER + userId, notice);
    }

    /** The result of the applicant's own request; the mail links to the home page, where 申請一覧 shows it too. */
    public void informApplicant(DelegateExecution execution, String userId, String notice) {
        inform(execution, Kind.RESULT, USER + userId, notice);
    }

    private void inform(DelegateExecution execution, Kind kind, String addressee, String notice) {
        outbox.add(Mail.addressed(kind, execution.getProcessBusinessKey(), addressee, notice));
    }

    /**
     * Many tasks of one kind at once (a review campaign's reminders and escalations): one notification for the
     * tasks these process instances have open when it is sent, one mail per person however many they have. The
     * instances, not the tasks: an escalation's new tasks are written only when this transaction ends.
     */
    public void digest(DelegateExecution execution, List<String> processInstanceIds, Kind kind) {
        outbox.add(Mail.digest(kind, execution.getProcessBusinessKey(), String.join(",", processInstanceIds)));
    }

    /**
     * A review campaign's request, before its tasks exist: one mail to the reviewer (a user, or else every member of
     * the group) with the number of groups and the deadline, instead of one per group.
     */
    public void announce(DelegateExecution execution, String userId, String groupId, long count, Date due) {
        outbox.add(Mail.reviewRequest(execution.getProcessBusinessKey(),
                userId != null ? USER + userId : GROUP + groupId, count, due));
    }

    public String getRetryCycle() {
        return settings.getRetry();
    }

    /** The step of the `notification` process: a mail whose first sending failed, retried by the engine. */
    public JavaDelegate send() {
        return execution -> execution.setVariable("recipients",
                String.join(",", deliver(execution.getProcessEngineServices(), Mail.of(execution, execution.getBusinessKey()))));
    }

    /**
     * Sends (or, when mail is off, logs) one message per recipient and returns who was mailed; nobody when the tasks
     * were done in the meantime (they need no mail).
     */
    Set<String> deliver(ProcessEngineServices engine, Mail mail) {
        List<Message> messages = mail.kind().addressed() ? List.of(addressed(engine, mail))
                : aboutTasks(engine, openTasks(engine, mail), mail.kind());
        Set<String> recipients = new LinkedHashSet<>();
        for (Message message : messages) {
            for (User user : message.recipients()) {
                Map<String, String> values = new HashMap<>(message.values());
                values.put("name", user.getLastName() + " " + user.getFirstName());
                values.put("businessKey", Objects.toString(mail.businessKey(), ""));
                send(mail.businessKey(), user, render(message.template(), values));
                recipients.add(user.getId());
            }
        }
        log.info("[{}] {} ({} message(s)) to {} recipient(s)", mail.businessKey(), mail.kind(), messages.size(),
                recipients.size());
        return recipients;
    }

    boolean mailing() {
        return settings.isEnabled();
    }

    private void send(String businessKey, User user, String[] text) {
        if (settings.isEnabled()) {
            var mail = new SimpleMailMessage();
            mail.setFrom(settings.getFrom());
            mail.setTo(user.getEmail());
            mail.setSubject(text[0]);
            mail.setText(text[1]);
            mailSender.getObject().send(mail);
        } else {
            log.info("[{}] mail off, would send to {}: {}", businessKey, user.getEmail(), text[0]);
        }
    }

    /** What is sent to whom: the template, the people, the values besides each person's name. */
    private record Message(String template, Set<User> recipients, Map<String, String> values) {
    }

    /** The task (taskId), or the tasks of the process instances (processInstanceIds), still open, earliest due first. */
    private static List<Task> openTasks(ProcessEngineServices engine, Mail mail) {
        var query = engine.getTaskService().createTaskQuery();
        if (mail.processInstanceIds() != null) {
            query.processInstanceIdIn(mail.processInstanceIds().split(","));
        } else {
            query.taskId(mail.taskId());
        }
        return query.orderByDueDate().asc().list();
    }

    /** One message for each set of people who have the same tasks: theirs, one task or how many. */
    private List<Message> aboutTasks(ProcessEngineServices engine, List<Task> open, Kind kind) {
        Map<Set<String>, List<Task>> byPeople = new LinkedHashMap<>();
        Map<String, Set<String>> groupMembers = new HashMap<>(); // a digest's tasks mostly share one candidate group
        for (Task task : open) {
            byPeople.computeIfAbsent(userIds(engine, task, groupMembers), people -> new ArrayList<>()).add(task);
        }
        List<Message> messages = new ArrayList<>();
        byPeople.forEach((people, tasks) -> {
            Task first = tasks.get(0);
            String processName = engine.getRepositoryService().getProcessDefinition(first.getProcessDefinitionId())
                    .getName();
            messages.add(new Message(tasks.size() == 1 ? kind.template() : kind.template() + "-many",
                    users(engine, people), Map.of("task", first.getName(), "process", Objects.toString(processName, ""),
                            "due", day(first.getDueDate()), "count", String.valueOf(tasks.size()),
                            "link", tasklist() + (tasks.size() == 1 ? "#/?task=" + first.getId() : ""))));
        });
        return messages;
    }

    private Message addressed(ProcessEngineServices engine, Mail mail) {
        Kind kind = mail.kind();
        String addressee = mail.addressee();
        Set<String> people = addressee.startsWith(USER) ? Set.of(addressee.substring(USER.length()))
                : members(engine, addressee.substring(GROUP.length()));
        Map<String, String> values = kind != Kind.REVIEW_REQUEST
                ? Map.of("notice", mail.notice(),
                        "link", kind == Kind.RESULT ? settings.getBaseUrl() + "/" : cockpit())
                : Map.of("count", String.valueOf(mail.count()), "due", day(mail.due()), "link", tasklist());
        return new Message(kind.template(), users(engine, people), values);
    }

    private String cockpit() {
        return settings.getBaseUrl() + "/camunda/app/cockpit/default/";
    }

    private String tasklist() {
        return settings.getBaseUrl() + "/camunda/app/tasklist/default/";
    }

    /** A due date as people in Japan read it; "なし" without one. */
    private static String day(Date due) {
        return due == null ? "なし" : DateTimeFormatter.ofPattern("yyyy年M月d日").format(due.toInstant().atZone(JAPAN));
    }

    /** Who has the task: the assignee, or else the candidate users and every member of the candidate groups. */
    private static Set<String> userIds(ProcessEngineServices engine, Task task, Map<String, Set<String>> groupMembers) {
        Set<String> userIds = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            userIds.add(task.getAssignee());
            return userIds;
        }
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                userIds.add(link.getUserId());
            } else {
                userIds.addAll(groupMembers.computeIfAbsent(link.getGroupId(), group -> members(engine, group)));
            }
        }
        return userIds;
    }

    private static Set<String> members(ProcessEngineServices engine, String groupId) {
        Set<String> userIds = new LinkedHashSet<>();
        engine.getIdentityService().createUserQuery().memberOfGroup(groupId).list().forEach(u -> userIds.add(u.getId()));
        return userIds;
    }

    /** The people with an e-mail address. */
    private static Set<User> users(ProcessEngineServices engine, Set<String> userIds) {
        Set<User> users = new LinkedHashSet<>();
        for (String userId : userIds) {
            User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                users.add(user);
            }
        }
        return users;
    }

    /** The template's first line is the subject, the rest the body; {{name}} placeholders are filled in. */
    static String[] render(String name, Map<String, String> values) {
        String template;
        try {
            template = new ClassPathResource("mail/" + name + ".txt")
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
