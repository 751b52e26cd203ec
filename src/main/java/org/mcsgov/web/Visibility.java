package org.mcsgov.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mcsgov.directory.Role;
import org.mcsgov.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the current viewer may read in the register, as SQL conditions shared by the lists, their CSV and the detail
 * pages, so the three never disagree. The rules are the engine's and /api's (A7, A8-1): the association office reads
 * everything; a facility's manager and MCS administrator read its facility and staff; its coordinators, managers and
 * administrators read the groups it originates; a person reads their own entry and the groups they are a member of.
 */
@Component
public class Visibility {

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    public Visibility(CurrentUser currentUser, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    public boolean isOffice() {
        return currentUser.isOffice();
    }

    /** Facilities (alias f): the office all, else those where the viewer manages, administers or coordinates. */
    public Where facilities(Where where) {
        return isOffice() ? where : where.and("f.id IN (:viewerFacilities)", "viewerFacilities",
                currentUser.facilitiesWith(Role.MANAGER, Role.MCS_ADMIN, Role.COORDINATOR));
    }

    /** Staff (alias s): the office all; a facility's manager and MCS administrator its staff; everyone themself. */
    public Where staff(Where where) {
        return managedOrOwn(where, "s.facility_id", "s.user_id");
    }

    /** Rows of the facilities the viewer manages or administers, and the viewer's own rows; the office all. */
    public Where managedOrOwn(Where where, String facilityColumn, String userColumn) {
        if (isOffice()) {
            return where;
        }
        var facilities = currentUser.facilitiesWith(Role.MANAGER, Role.MCS_ADMIN);
        String own = userColumn + " = :viewer";
        return where.and(facilities.isEmpty() ? own : facilityColumn + " IN (:viewerManaged) OR " + own, "viewer",
                currentUser.id()).param("viewerManaged", facilities);
    }

    /** Groups (alias g): the office all; the originating facility's roles; the group's current members. */
    public Where groups(Where where) {
        if (isOffice()) {
            return where;
        }
        var facilities = currentUser.facilitiesWith(Role.MANAGER, Role.MCS_ADMIN, Role.COORDINATOR);
        return where.and((facilities.isEmpty() ? "" : "g.facility_id IN (:viewerGroupFacilities) OR ") + """
                        EXISTS (SELECT 1 FROM membership vm JOIN staff vs ON vs.id = vm.staff_id
                            WHERE vm.group_id = g.id AND vm.valid_to IS NULL AND vs.user_id = :viewer)""",
                        "viewer", currentUser.id())
                .param("viewerGroupFacilities", facilities);
    }

    /**
     * Memberships (aliases g for the group, s for the member): those of the groups the viewer reads, and those of
     * the staff the viewer reads (a facility's manager and MCS administrator their own staff's history, wherever
     * the group is: the rule of /api/staff/{id}/groups and the staff page; issue 15, an administrator following
     * her leaver's offboarding could not read the memberships it was ending).
     */
    public Where memberships(Where where) {
        if (isOffice()) {
            return where;
        }
        Where readable = groups(new Where());
        Where managed = staff(new Where());
        where.and("(" + readable.condition() + ") OR (" + managed.condition() + ")");
        readable.params().forEach(where::param);
        managed.params().forEach(where::param);
        return where;
    }

    /** Whether the viewer reads any facility at all (the office, or a role beyond plain staff). */
    public boolean hasFacilities() {
        return isOffice() || !currentUser.facilitiesWith(Role.MANAGER, Role.MCS_ADMIN, Role.COORDINATOR).isEmpty();
    }

    /** The facilities the viewer reads, id → name, for the lists' facility filter. */
    public Map<String, String> facilityChoices() {
        Where where = facilities(new Where());
        return jdbc.sql("SELECT f.id, f.name FROM facility f" + where.sql() + " ORDER BY f.id").params(where.params())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Which of these groups the viewer reads. */
    public Set<Long> readableGroups(Collection<Long> ids) {
        Where where = groups(new Where().and("g.id IN (:ids)", "ids", ids));
        return Set.copyOf(jdbc.sql("SELECT g.id FROM patient_group g" + where.sql()).params(where.params())
                .query(Long.class).list());
    }

    public boolean facility(String id) {
        return exists("facility f", facilities(new Where().and("f.id = :id", "id", id)));
    }

    public boolean staff(long id) {
        return exists("staff s", staff(new Where().and("s.id = :id", "id", id)));
    }

    public boolean group(long id) {
        return exists("patient_group g", groups(new Where().and("g.id = :id", "id", id)));
    }

    private boolean exists(String from, Where where) {
        return jdbc.sql("SELECT COUNT(*) FROM " + from + where.sql()).params(where.params()).query(Long.class)
                .single() > 0;
    }
}
