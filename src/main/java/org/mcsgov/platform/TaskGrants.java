package org.mcsgov.platform;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The engine grants a task to whoever it is assigned to or offered to, and keeps that grant after the assignee or the
 * candidate changes. Whoever takes a task away from a person or a group removes the grant here too, or they would go on
 * reading it (least knowledge). Through the public {@link AuthorizationService}: no engine internals.
 */
@Component
public class TaskGrants {

    private final AuthorizationService authorizations;

    public TaskGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void revokeUser(String taskId, String userId) {
        authorizations.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.TASK).resourceId(taskId)
                .list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    public void revokeGroup(String taskId, String groupId) {
        authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.TASK).resourceId(taskId)
                .list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
}
