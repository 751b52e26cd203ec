package org.mcsgov.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.query.Query;
import org.mcsgov.directory.FacilityProvisioned;
import org.mcsgov.directory.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The authorizations and Tasklist filters each role needs (DESIGN.md §5). Task visibility itself comes from the
 * engine: a candidate group receives READ and work permission on its tasks only, so facility B never sees A's.
 * Everything here is idempotent and runs again at every start.
 */
@Service
public class AccessPolicy {

    /** Processes a role may start from Tasklist. */
    static final Map<String, List<String>> STARTABLE = Map.of(
            "coord", List.of("patient-consent", "consent-withdrawal", "patient-group-creation", "free-group-creation",
                    "group-invitation", "coordinator-handover", "device-takeout", "incident-report",
                    "register-correction"),
            // the MCS administrator registers and removes the facility's staff (A8-5), restricts misuse (N2-2),
            // manages the facility's devices (A8-2), reviews members (N1-3), archives groups (N2-1) and resets a
            // lost second factor (A11-3); it asks another facility to take over a group (group-transfer, A4) and
            // records the paper pledges of staff who signed before the system (pledge-record, A9-1) and moves a
            // person to another facility of the association (staff-transfer, A8-5)
            "admin", List.of("coordinator-handover", "staff-onboarding", "staff-offboarding", "user-suspension",
                    "device-registration", "device-loan", "device-takeout", "incident-report", "membership-review",
                    "group-archive", "register-correction", "second-factor-reset", "group-transfer", "pledge-record",
                    "staff-transfer"),
            // every person may leave a group they no longer need (N3-6), ask to take information out (A12-9) and
            // report an incident (N3-10, N3-11); coordinators remove, administrators release
            "staff", List.of("membership-removal", "device-takeout", "incident-report"),
            // the facility manager appoints and dismisses the facility's MCS administrators, coordinators and
            // managers (A7)
            "manager", List.of("device-takeout", "incident-report", "role-change"));

    /** The association office's group: the role's, not a constant of its own (issue 16). */
    private static final String OFFICE = Role.OFFICE.groupId(null);

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService taskService;

    public AccessPolicy(AuthorizationService authorizations, FilterService filters, TaskService taskService) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.taskService = taskService;
    }

    /** A new facility's groups exist: synchronously, in the register's transaction (not after commit). */
    @EventListener
    public void on(FacilityProvisioned facility) {
        grantFacility(facility.facilityId(), facility.facilityName());
    }

    /** Every group of a facility uses Tasklist; each role starts the procedures it is named for (STARTABLE). */
    public void grantFacility(String facilityId, String facilityName) {
        List<String> groups = List.of("manager", "admin", "coord", "staff").stream()
                .map(suffix -> facilityId + "-" + suffix).toList();
        for (String group : groups) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (String key : STARTABLE.getOrDefault(group.substring(facilityId.length() + 1), List.of())) {
                grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
            }
        }
        String filterName = "自分の施設のタスク（" + facilityName + "）";
        String filterId = filter(filterName, 30, taskService.createTaskQuery()
                .taskCandidateGroupIn(groups).includeAssignedTasks());
        groups.forEach(group -> grant(group, Resources.FILTER, filterId, Permissions.READ));
    }

    /**
     * Filters for everybody, and read-only access to everything for the association office (A8-1); the office
     * works only on the tasks of its own procedures (facility enrollment), as their candidate group.
     */
    public void grantGlobal() {
        String mine = filter("マイタスク", 10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        String waiting = filter("承認待ち（自分のグループ）", 20, taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        grantEveryone(Resources.FILTER, mine, Permissions.READ);
        grantEveryone(Resources.FILTER, waiting, Permissions.READ);
        // Reading the models (not their instances, tasks or history) lets Tasklist render the forms of called
        // sub-processes; creating an instance also needs CREATE_INSTANCE on its process, granted per role and process
        // (grantFacility). Once for everyone rather than once per facility group: every authorization check of a
        // task looks up the grants on "*", and 800 such rows for 200 facilities made H2 scan them for every task a
        // person holds (a coordinator's page of 50 of 100 tasks: 50 ms warm, 440 ms first; with these two rows
        // 5-10 ms and 35 ms). Every person who can log in is in a facility's groups or the office's anyway.
        grantEveryone(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grantEveryone(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        dropFacilityGrantsOnAny(Resources.PROCESS_DEFINITION);
        dropFacilityGrantsOnAny(Resources.PROCESS_INSTANCE);

        grant(OFFICE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(OFFICE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(OFFICE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.READ_TASK);
        grant(OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(OFFICE, Resources.TASK, ANY, Permissions.READ);
        grant(OFFICE, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // the office opens a membership review campaign by hand (N1-3); it completes no task
        grant(OFFICE, Resources.PROCESS_DEFINITION, "membership-review", Permissions.READ, Permissions.CREATE_INSTANCE);
        // A7: the office enrolls the association's facilities (facility-enrollment); association-setup, which
        // creates the office itself, is the system administrator's alone (camunda-admin holds every permission)
        grant(OFFICE, Resources.PROCESS_DEFINITION, "facility-enrollment", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        // A7: a manager's own roles, or a facility without a manager, are changed by the office (role-change)
        grant(OFFICE, Resources.PROCESS_DEFINITION, "role-change", Permissions.READ, Permissions.CREATE_INSTANCE);
        // A7, A8-5: the office ends a facility's use (facility-withdrawal, 利用終了)
        grant(OFFICE, Resources.PROCESS_DEFINITION, "facility-withdrawal", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        // A7: the office corrects the facilities' data (register-correction)
        grant(OFFICE, Resources.PROCESS_DEFINITION, "register-correction", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        // A7: the office brings in an association already using MCS (register-import, 初期移行)
        grant(OFFICE, Resources.PROCESS_DEFINITION, "register-import", Permissions.READ, Permissions.CREATE_INSTANCE);
        String all = filter("すべてのタスク（閲覧）", 40, taskService.createTaskQuery());
        grant(OFFICE, Resources.FILTER, all, Permissions.READ);
    }

    /**
     * Users created before McsAuthorizationProvider kept the engine's ALL on themselves: READ and UPDATE only,
     * so nobody deletes their own account (A8-5: the MCS administrator's offboarding does).
     */
    public void ownUsersReadAndUpdateOnly() {
        authorizations.createAuthorizationQuery().resourceType(Resources.USER).hasPermission(Permissions.DELETE).list()
                .stream().filter(auth -> auth.getUserId() != null && auth.getUserId().equals(auth.getResourceId()))
                .forEach(auth -> {
                    auth.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
                    authorizations.saveAuthorization(auth);
                });
    }

    private String filter(String name, int priority, Query<?, ?> query) {
        var existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        var filter = filters.newTaskFilter(name)
                .setQuery((org.camunda.bpm.engine.task.TaskQuery) query)
                .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
        return filters.saveFilter(filter).getId();
    }

    /**
     * A GLOBAL authorization: the engine's single-resource check (executing a filter) honours user "*" only there;
     * a GRANT to "*" is seen by queries alone, so Tasklist listed the filter and then refused to open it.
     */
    private void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .userIdIn(ANY).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            auth.setUserId(ANY);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            save(auth, permissions);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization auth = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (auth == null) {
            auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        save(auth, permissions);
    }

    /**
     * An earlier version granted each facility group the two grants on "*" that everyone now holds: one query at
     * start (not one per group) finds what is left of them. camunda-admin's own grants are kept (its id also ends
     * in a role's suffix).
     */
    private void dropFacilityGrantsOnAny(Resource resource) {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(resource)
                .resourceId(ANY).list().stream()
                .filter(auth -> !Groups.CAMUNDA_ADMIN.equals(auth.getGroupId())
                        && Role.facilityOf(auth.getGroupId()) != null)
                .forEach(auth -> authorizations.deleteAuthorization(auth.getId()));
    }

    private void save(Authorization auth, Permission... permissions) {
        for (Permission permission : permissions) {
            auth.addPermission(permission);
        }
        authorizations.saveAuthorization(auth);
    }
}
