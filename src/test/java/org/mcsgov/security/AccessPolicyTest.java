package org.mcsgov.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The grants on "*" (every process model, every process instance) are held once by everyone, not by each facility
 * group: the engine looks them up for every task in every task query, and on H2 it scanned one row per facility group
 * for each task (issue 17). What each role may start, read and work on is unchanged.
 */
@DisplayName("authorizations: the grants on \"*\" once for everyone, the rest per role (issue 17)")
class AccessPolicyTest extends EngineTestSupport {

    private static final String FACILITY = "aptest";

    @Autowired private AccessPolicy accessPolicy;
    @Autowired private AuthorizationService authorizations;

    @Test
    void starGrantsOnceForEveryoneNotPerGroup() {
        accessPolicy.grantGlobal();
        accessPolicy.grantFacility(FACILITY, "権限の確認");
        accessPolicy.grantGlobal();

        for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE)) {
            assertThat(authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                    .resourceType(resource).resourceId(ANY).count()).as("%s", resource).isEqualTo(1);
            assertThat(authorizations.createAuthorizationQuery().groupIdIn(groups()).resourceType(resource)
                    .resourceId(ANY).count()).as("%s of the facility's groups", resource).isZero();
        }
    }

    @Test
    void earlierPerGroupStarGrantsRemoved() {
        String coord = FACILITY + "-coord";
        grant(coord, Resources.PROCESS_DEFINITION, Permissions.READ);
        grant(coord, Resources.PROCESS_INSTANCE, Permissions.CREATE);

        accessPolicy.grantGlobal();

        assertThat(authorizations.createAuthorizationQuery().groupIdIn(coord).resourceId(ANY).count()).isZero();
    }

    @Test
    void rolesStartWhatTheyStartedBefore() {
        accessPolicy.grantGlobal();
        accessPolicy.grantFacility(FACILITY, "権限の確認");
        String coord = FACILITY + "-coord";
        String staff = FACILITY + "-staff";

        assertThat(can("p1", List.of(coord), Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                "group-invitation")).isTrue();
        assertThat(can("p1", List.of(coord), Permissions.CREATE, Resources.PROCESS_INSTANCE, ANY)).isTrue();
        assertThat(can("p2", List.of(staff), Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                "group-invitation")).isFalse();
        // someone in no group reads the models and nothing else: no start, no instance, task or history
        List<String> none = List.of();
        assertThat(can("p3", none, Permissions.READ, Resources.PROCESS_DEFINITION, "group-invitation")).isTrue();
        for (Permission permission : List.of(Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE,
                Permissions.READ_TASK, Permissions.READ_HISTORY)) {
            assertThat(can("p3", none, permission, Resources.PROCESS_DEFINITION, "group-invitation"))
                    .as("%s", permission).isFalse();
        }
        assertThat(can("p3", none, Permissions.READ, Resources.PROCESS_INSTANCE, ANY)).isFalse();
        assertThat(can("p3", none, Permissions.READ, Resources.TASK, ANY)).isFalse();
    }

    private boolean can(String user, List<String> groups, Permission permission, Resource resource, String id) {
        return authorizations.isUserAuthorized(user, groups, permission, resource, id);
    }

    private static String[] groups() {
        return List.of("manager", "admin", "coord", "staff").stream().map(role -> FACILITY + "-" + role)
                .toArray(String[]::new);
    }

    private void grant(String group, Resource resource, Permission permission) {
        var auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(ANY);
        auth.addPermission(permission);
        authorizations.saveAuthorization(auth);
    }
}
