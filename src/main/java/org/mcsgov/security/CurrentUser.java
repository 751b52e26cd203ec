package org.mcsgov.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.directory.Role;
import org.springframework.stereotype.Component;

/** The person behind an /api request or a register page (authenticated by the REST filter or the webapps' session) and the roles their groups give them. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        return identityService.getCurrentAuthentication().getUserId();
    }

    /** The association office (or the system administrator) reads everything (A8-1). */
    public boolean isOffice() {
        List<String> groups = groups();
        return groups.contains(Role.OFFICE.groupId(null)) || groups.contains("camunda-admin");
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
