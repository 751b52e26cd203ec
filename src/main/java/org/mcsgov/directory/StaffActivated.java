package org.mcsgov.directory;

/**
 * A pending person became an active staff member with a login. Published inside the register's transaction, so a
 * procedure that waits for this person (group-invitation) goes on in the same commit as the activation.
 */
public record StaffActivated(long staffId, String userId, String email) {
}
