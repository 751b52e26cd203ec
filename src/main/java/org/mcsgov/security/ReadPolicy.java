package org.mcsgov.security;

import java.util.List;
import org.mcsgov.directory.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read what in the register (A7, A8-1), once for /api (checks of one row) and the register pages (the SQL of
 * {@code web.Visibility}, which asks this class for the facilities): the association office reads everything; a
 * facility's managers and MCS administrators read its staff, devices, take-outs and incidents; they and its
 * coordinators read the groups it originates; a person reads their own entry (and, by membership, their groups).
 */
@Component
public class ReadPolicy {

    private static final Role[] FACILITY_READERS = {Role.MANAGER, Role.MCS_ADMIN};
    private static final Role[] GROUP_READERS = {Role.MANAGER, Role.MCS_ADMIN, Role.COORDINATOR};

    private final CurrentUser currentUser;

    public ReadPolicy(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public boolean readsEverything() {
        return currentUser.isOffice();
    }

    /** The facility's own register: its staff, devices, take-outs and incidents. */
    public boolean readsFacility(String facilityId) {
        return readsEverything() || currentUser.hasRoleIn(facilityId, FACILITY_READERS);
    }

    /** A person's entry: their own, or one of a facility the viewer reads. */
    public boolean readsPerson(String userId, String facilityId) {
        return currentUser.id().equals(userId) || readsFacility(facilityId);
    }

    /** The groups a facility originates (members aside: a member reads their group, checked by the caller). */
    public boolean readsGroupsOf(String facilityId) {
        return readsEverything() || currentUser.hasRoleIn(facilityId, GROUP_READERS);
    }

    /** The facilities whose register the viewer reads by role (for the pages' SQL; the office reads all). */
    public List<String> facilitiesRead() {
        return currentUser.facilitiesWith(FACILITY_READERS);
    }

    /** The facilities whose groups the viewer reads by role (for the pages' SQL; the office reads all). */
    public List<String> groupFacilitiesRead() {
        return currentUser.facilitiesWith(GROUP_READERS);
    }
}
