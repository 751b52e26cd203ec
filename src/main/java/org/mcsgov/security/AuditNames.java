package org.mcsgov.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;

/**
 * What a request to the engine's API was, in the words of an auditor (issue 15: 311 of 407 rows were 「変更」 from
 * Tasklist's automatic refresh, and decisions showed only as …/submit-form). Tasklist and Cockpit send their searches
 * as POST; they are reads. A completed task is named by the task, a start by its process.
 */
final class AuditNames {

    /** The engine API's searches and counts sent as POST (task lists, filters, instances, history). */
    private static final Pattern QUERY_POST = Pattern.compile("/(task|task/count|filter/[^/]+/(list|count)"
            + "|process-instance|process-instance/count|history/[a-z-]+(/count)?|variable-instance|execution"
            + "|job|incident|external-task|process-definition/count)$");
    private static final Pattern TASK_DONE = Pattern.compile("/task/([0-9a-fA-F-]{8,64})/(complete|submit-form)$");
    private static final Pattern TASK_HANDED = Pattern.compile("/task/([0-9a-fA-F-]{8,64})/(claim|unclaim|assignee|delegate)$");
    private static final Pattern STARTED = Pattern.compile("/process-definition/key/([^/]+)(/tenant-id/[^/]+)?/(start|submit-form)$");

    private AuditNames() {
    }

    static boolean isQuery(String method, String uri) {
        return "POST".equals(method) && QUERY_POST.matcher(uri).find();
    }

    /** The path with its query string as people typed it (a search for 中村 reads 中村, not %E4%B8%AD…). */
    static String path(String uri, String query) {
        if (query == null) {
            return uri;
        }
        try {
            return uri + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return uri + "?" + query;   // malformed escapes: kept as sent
        }
    }

    /** The decision or step a successful request made, or null where the path says enough. */
    static String action(String uri, HistoryService history) {
        Matcher done = TASK_DONE.matcher(uri);
        if (done.find()) {
            return "タスク完了: " + task(done.group(1), history);
        }
        Matcher handed = TASK_HANDED.matcher(uri);
        if (handed.find()) {
            String verb = switch (handed.group(2)) {
                case "claim" -> "タスクを引き受け: ";
                case "unclaim" -> "タスクの引き受けを解除: ";
                case "delegate" -> "タスクを委任: ";
                default -> "タスクの担当者を変更: ";
            };
            return verb + task(handed.group(1), history);
        }
        Matcher started = STARTED.matcher(uri);
        return started.find() ? "開始: " + started.group(1) : null;
    }

    private static String task(String taskId, HistoryService history) {
        var task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        return task == null ? taskId : "「" + task.getName() + "」（" + task.getProcessDefinitionKey() + "）";
    }
}
