package org.mcsgov.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.directory.Role;
import org.springframework.stereotype.Component;

/** The person behind an /api request (authenticated by the REST filter) and the roles their groups give them. */
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

    private List<String> groups() {
        return identityService.getCurrentAuthentication().getGroupIds();
    }
}
