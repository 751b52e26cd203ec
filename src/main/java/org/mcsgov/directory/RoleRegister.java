package org.mcsgov.directory;

import static org.mcsgov.platform.Rows.now;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.TaskGrants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's roles change (role-change, A7; NIST PS-5): the register's role rows (a new row from now, or the open row
 * ended now with who and why; never rewritten otherwise) and the person's Camunda group change in one transaction, so
 * the change is effective at once. Tasks of the role's group stay candidate-group tasks: leaving the group is leaving
 * them; one the dismissed person had claimed goes back to the group, with the engine's grant of it to them.
 */
@Component
public class RoleRegister {

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final TaskGrants grants;

    public RoleRegister(JdbcClient jdbc, IdentityService identityService, TaskService taskService,
                        TaskGrants grants) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.taskService = taskService;
        this.grants = grants;
    }

    public void appoint(Staff person, Role role, String by, String reason, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO role_assignment (staff_id, facility_id, role, valid_from, granted_by, grant_reason,
                    process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(person.id(), person.facilityId(), role.name(), now(), by, reason, processInstanceId).update();
        AsSystem.call(identityService, () -> {
            identityService.createMembership(person.userId(), role.groupId(person.facilityId()));
            return null;
        });
    }

    public void dismiss(Staff person, Role role, String by, String reason, String processInstanceId) {
        jdbc.sql("""
                UPDATE role_assignment SET valid_to = ?, ended_by = ?, end_reason = ?, end_process_instance_id = ?
                WHERE staff_id = ? AND role = ? AND valid_to IS NULL""")
                .params(now(), by, reason, processInstanceId, person.id(), role.name()).update();
        String group = role.groupId(person.facilityId());
        AsSystem.call(identityService, () -> {
            identityService.deleteMembership(person.userId(), group);
            List<Task> claimed = taskService.createTaskQuery().taskAssignee(person.userId()).list().stream()
                    .filter(task -> taskService.getIdentityLinksForTask(task.getId()).stream()
                            .anyMatch(link -> group.equals(link.getGroupId())))
                    .toList();
            for (Task task : claimed) {
                taskService.setAssignee(task.getId(), null);
                // the engine granted the assignee the task itself; that grant leaves with the claim
                grants.revokeUser(task.getId(), person.userId());
            }
            return null;
        });
    }

    /** Active staff of facilities that take part or are being staffed, for the office's choice. */
    public List<Staff> activeStaffOfEnrolledFacilities() {
        return jdbc.sql("""
                SELECT s.id, s.facility_id, s.user_id, s.name, s.kana, s.profession, s.email, s.status
                FROM staff s JOIN facility f ON f.id = s.facility_id
                WHERE s.status = 'ACTIVE' AND f.kind <> 'ASSOCIATION' ORDER BY s.facility_id, s.kana""")
                .query(RecordMapper.of(Staff.class)).list();
    }
}
