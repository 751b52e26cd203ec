package org.mcsgov.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.mcsgov.directory.Role;
import org.springframework.stereotype.Component;

/** The person behind an /api request or a register page (authenticated by the REST filter or the webapps' session) and the roles their groups give them. */
@Component
public class CurrentUser {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public CurrentUser(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    public String id() {
        return identityService.getCurrentAuthentication().getUserId();
    }

    /** The association office (or the system administrator) reads everything (A8-1). */
    public boolean isOffice() {
        List<String> groups = groups();
        return groups.contains(Role.OFFICE.groupId(null)) || groups.contains("camunda-admin");
    }

    /**
     * Whether the person's authorizations grant a webapp ("cockpit", "tasklist", "admin"): a link into one is shown
     * only then, else it leads to Camunda's 403.
     */
    public boolean mayUse(String application) {
        return authorizationService.isUserAuthorized(id(), groups(), Permissions.ACCESS, Resources.APPLICATION,
                application);
    }

    public boolean hasRoleIn(String facilityId, Role... roles) {
        List<String> groups = groups();
        return Arrays.stream(roles).anyMatch(role -> groups.contains(role.groupId(facilityId)));
    }

    /** The facilities in which the person holds one of the roles (from the Camunda groups "<facility>-<role>"). */
    public List<String> facilitiesWith(Role... roles) {
        return groups().stream().flatMap(group -> Arrays.stream(roles)
                        .filter(role -> role != Role.OFFICE && group.endsWith(role.groupId("")))
                        .map(role -> group.substring(0, group.length() - role.groupId("").length())))
                .distinct().toList();
    }

    private List<String> groups() {
        return identityService.getCurrentAuthentication().getGroupIds();
    }
}
