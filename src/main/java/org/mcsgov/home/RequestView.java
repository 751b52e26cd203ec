package org.mcsgov.home;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcsgov.approval.Approvers;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.directory.Role;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.web.Labels;
import org.mcsgov.web.Links;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What 申請一覧 shows of each request, in words a person reads: its state (the register row's where the procedure
 * owns one, else the engine's), the last decision with reason and who decided (display names, never login ids),
 * and what happens next and who holds it (the open task and its assignee or candidate groups). Read in a few
 * queries for the whole page, not per row.
 */
@Component
public class RequestView {

    public record Request(String processInstanceId, String businessKey, String procedure, String applicant,
                          OffsetDateTime started, OffsetDateTime ended, String state, String decision, String next,
                          String holder, String nextTaskId, boolean withdrawable, String earlier) {
        public String cockpitLink() {
            return Links.cockpit(processInstanceId);
        }

        public String taskLink() {
            return nextTaskId == null ? null : Links.tasklist(nextTaskId);
        }
    }

    static final Map<String, String> ENGINE_STATE = Map.of("ACTIVE", "進行中", "SUSPENDED", "一時停止中",
            "COMPLETED", "完了", "EXTERNALLY_TERMINATED", "取り消し", "INTERNALLY_TERMINATED", "終了");
    static final Map<String, String> INVITATION_STATE = Labels.INVITATION_STATE;
    static final Map<String, String> TAKEOUT_STATE = Labels.TAKEOUT_STATE;
    /** The decisions worth telling the applicant; reminders and requests are the procedure's own bookkeeping. */
    private static final List<String> DECISIONS = List.of("APPROVE", "REJECT", "RETURN", "WITHDRAW", "EXPIRE",
            "ACCEPT", "DECLINE", "PATIENT_APPROVE", "PATIENT_REFUSE", "MEMBER", "BACK", "LOST");

    private record Task(String id, String name, String assignee, List<String> groups) {
    }

    private record Decision(String step, String comment, String decidedBy, Timestamp decidedAt) {
    }

    /** The procedures whose approval reads earlier requests about the same thing (ApprovalSubject.earlier). */
    private static final List<String> WITH_EARLIER = List.of("invitation", "takeout");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Approvers approvers;

    public RequestView(JdbcClient jdbc, CurrentUser currentUser, Approvers approvers) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.approvers = approvers;
    }

    public List<Request> of(List<MyRequests.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(MyRequests.Row::processInstanceId).toList();
        Map<String, Task> tasks = openTasks(ids);
        Map<String, String> names = new HashMap<>();
        Map<String, String> facilities = facilityNames();
        List<Request> requests = new ArrayList<>();
        for (MyRequests.Row row : rows) {
            Subject subject = Subject.of(row.businessKey());
            String[] registerState = subject == null ? null : registerState(subject);
            Decision decision = subject == null ? null : lastDecision(subject);
            Task task = tasks.get(row.processInstanceId());
            String state = registerState != null ? registerState[0]
                    : ENGINE_STATE.getOrDefault(row.engineState(), row.engineState());
            requests.add(new Request(row.processInstanceId(), row.businessKey(), row.procedure(),
                    row.starterName() != null ? row.starterName() : row.starterUserId(), time(row.started()),
                    time(row.ended()),
                    state, decision == null ? null : describe(decision, names), task == null ? null : task.name(),
                    task == null ? null : holder(task, names, facilities), task == null ? null : task.id(),
                    registerState != null && withdrawable(subject, registerState),
                    registerState == null ? null : earlier(subject, names)));
        }
        return requests;
    }

    /** An engine time as the register pages show it (Cells: the association's zone), not the server's zone. */
    private static OffsetDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** The Japanese state and, for the withdrawal check, the code and the facility or applicant it belongs to. */
    private String[] registerState(Subject subject) {
        return switch (subject.kind()) {
            case "invitation" -> jdbc.sql("""
                            SELECT i.state, g.facility_id FROM invitation i JOIN patient_group g ON g.id = i.group_id
                            WHERE i.id = ?""").param(subject.id())
                    .query((rs, n) -> new String[] {INVITATION_STATE.getOrDefault(rs.getString(1), rs.getString(1)),
                            rs.getString(1), rs.getString(2)}).optional().orElse(null);
            case "takeout" -> jdbc.sql("""
                            SELECT t.state, a.user_id FROM takeout t JOIN staff a ON a.id = t.applicant_staff_id
                            WHERE t.id = ?""").param(subject.id())
                    .query((rs, n) -> new String[] {TAKEOUT_STATE.getOrDefault(rs.getString(1), rs.getString(1)),
                            rs.getString(1), rs.getString(2)}).optional().orElse(null);
            default -> null;
        };
    }

    /**
     * Whether to offer 取り下げ: the rules of InvitationController.cancel and TakeoutController.withdraw, which
     * check them again when the button is pressed (the button is a convenience, the endpoint the gate).
     */
    private boolean withdrawable(Subject subject, String[] state) {
        return switch (subject.kind()) {
            case "invitation" -> List.of("WAITING_ADMIN", "WAITING_INVITEE", "WAITING_PATIENT", "WAITING_REGISTRATION",
                    "RETURNED").contains(state[1]) && currentUser.hasRoleIn(state[2], Role.COORDINATOR);
            case "takeout" -> List.of("REQUESTED", "RETURNED_FOR_CORRECTION").contains(state[1])
                    && currentUser.id().equals(state[2]);
            default -> false;
        };
    }

    /** The last decision on each earlier request about the same person and group (or applicant and device). */
    private String earlier(Subject subject, Map<String, String> names) {
        if (!WITH_EARLIER.contains(subject.kind())) {
            return null;
        }
        List<String> decided = new ArrayList<>();
        for (long id : approvers.earlier(subject.kind().toUpperCase(), subject.id())) {
            Decision decision = lastDecision(new Subject(subject.kind(), id));
            if (decision != null) {
                decided.add("#" + id + " " + describe(decision, names));
            }
        }
        return decided.isEmpty() ? null : String.join("、", decided);
    }

    private Decision lastDecision(Subject subject) {
        return jdbc.sql("""
                        SELECT step, comment, decided_by, decided_at FROM decision_log
                        WHERE subject_type = :type AND subject_id = :id AND step IN (:steps)
                        ORDER BY decided_at DESC, id DESC LIMIT 1""")
                .param("type", subject.kind().toUpperCase()).param("id", subject.id()).param("steps", DECISIONS)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4))).optional().orElse(null);
    }

    private String describe(Decision decision, Map<String, String> names) {
        String text = DecisionLog.Step.valueOf(decision.step()).label();
        if (decision.comment() != null && !decision.comment().isBlank()) {
            text += "（" + decision.comment() + "）";
        }
        return "system".equals(decision.decidedBy()) ? text : text + " — " + name(decision.decidedBy(), names);
    }

    /** The assignee by name, or else who may take the task: 「さくら訪問看護ステーションのMCS管理者」. */
    private String holder(Task task, Map<String, String> names, Map<String, String> facilities) {
        if (task.assignee() != null) {
            return name(task.assignee(), names);
        }
        return String.join("、", task.groups().stream().map(group -> groupLabel(group, facilities)).toList());
    }

    static String groupLabel(String groupId, Map<String, String> facilities) {
        for (Role role : Role.values()) {
            if (role == Role.OFFICE ? groupId.equals(role.groupId(null))
                    : groupId.endsWith(role.groupId("")) && facilities.containsKey(
                            groupId.substring(0, groupId.length() - role.groupId("").length()))) {
                return role == Role.OFFICE ? role.label() : facilities.get(groupId.substring(0,
                        groupId.length() - role.groupId("").length())) + "の" + role.label();
            }
        }
        return groupId;
    }

    private String name(String userId, Map<String, String> names) {
        return names.computeIfAbsent(userId, id -> jdbc.sql("SELECT name FROM staff WHERE user_id = ?").param(id)
                .query(String.class).optional().orElse(id));
    }

    private Map<String, String> facilityNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM facility").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    /** The first open task of each request (its own or its called approval's), with its candidate groups. */
    private Map<String, Task> openTasks(List<String> rootIds) {
        Map<String, Task> byRoot = new LinkedHashMap<>();
        Map<String, Task> byTask = new HashMap<>();
        jdbc.sql("""
                        SELECT h.ROOT_PROC_INST_ID_, t.ID_, t.NAME_, t.ASSIGNEE_, l.GROUP_ID_
                        FROM ACT_RU_TASK t JOIN ACT_HI_TASKINST h ON h.ID_ = t.ID_
                        LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'
                        WHERE h.ROOT_PROC_INST_ID_ IN (:roots) ORDER BY t.CREATE_TIME_, t.ID_""")
                .param("roots", rootIds).query(rs -> {
                    Task task = byTask.computeIfAbsent(rs.getString(2), id -> {
                        try {
                            return new Task(id, rs.getString(3), rs.getString(4), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    byRoot.putIfAbsent(rs.getString(1), task);
                    if (rs.getString(5) != null && !task.groups().contains(rs.getString(5))) {
                        task.groups().add(rs.getString(5));
                    }
                });
        return byRoot;
    }

    /** A business key "kind:id" of a procedure that owns a register row, e.g. invitation:12. */
    record Subject(String kind, long id) {
        static Subject of(String businessKey) {
            if (businessKey == null || !businessKey.matches("[a-z-]+:\\d{1,18}")) {
                return null;
            }
            int colon = businessKey.indexOf(':');
            return new Subject(businessKey.substring(0, colon), Long.parseLong(businessKey.substring(colon + 1)));
        }
    }
}
