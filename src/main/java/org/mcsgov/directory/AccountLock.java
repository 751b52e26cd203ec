package org.mcsgov.directory;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.mcsgov.platform.AsSystem;
import org.springframework.stereotype.Component;

/**
 * Locks a Camunda account at once and takes its task access (N2-2): the engine's own failed-login lock, set far
 * ahead, so the webapps' and REST's login (IdentityService.checkPassword) refuse it; and the user leaves every
 * Camunda group, so even an open session sees no task. Unlocking restores the groups from the register's roles.
 */
@Component
public class AccountLock {

    private static final Date FOREVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final ProcessEngineConfigurationImpl configuration;
    private final IdentityService identityService;

    public AccountLock(ProcessEngineConfigurationImpl configuration, IdentityService identityService) {
        this.configuration = configuration;
        this.identityService = identityService;
    }

    public void lock(String userId) {
        // IdentityService has unlockUser but no lock: the engine's statement for its own lock does it
        configuration.getCommandExecutorTxRequired().execute(context -> {
            UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, userId);
            user.setLockExpirationTime(FOREVER);
            context.getDbEntityManager().update(UserEntity.class, "updateUserLock", user);
            return null;
        });
        AsSystem.call(identityService, () -> {
            for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
                identityService.deleteMembership(userId, group.getId());
            }
            return null;
        });
    }

    /** Unlocks the account and gives back the Camunda groups of the roles the register holds for the person. */
    public void unlock(Staff staff, Iterable<Role> roles) {
        AsSystem.call(identityService, () -> {
            identityService.unlockUser(staff.userId());
            for (Role role : roles) {
                identityService.createMembership(staff.userId(), role.groupId(staff.facilityId()));
            }
            return null;
        });
    }
}
