package org.mcsgov.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * The engine grants every new user ALL on their own user, so a person could delete or rename their account through
 * /engine-rest (the register still said active, and offboarding them failed later). The account belongs to the
 * register: a person reads it and may UPDATE it (needed for changing their own password); deleting is for
 * camunda-admin and the application (offboarding, as the system). Existing users are corrected at start
 * ({@link AccessPolicy#ownUsersReadAndUpdateOnly}); a profile change is refused by {@link OwnUserGuard}.
 */
public class McsAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(),
                Permissions.READ, Permissions.UPDATE)};
    }
}
