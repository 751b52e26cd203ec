package org.mcsgov.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.ReadPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the current viewer may read in the register, as SQL conditions shared by the lists, their CSV, the detail
 * pages and /api's group and staff views, so none of them disagree. The role rules are {@link ReadPolicy}'s, the same
 * /api checks a facility's rows with (A7, A8-1); the facilities come from it, the SQL only says how a row meets them
 * (a group's current members read it: that rule is only here).
 */
@Component
public class Visibility {

    /** A current membership of the viewer (alias vm); the viewer is a parameter, never left out (unlike a filter). */
    private static final String MEMBER_OF = "membership vm JOIN staff vs ON vs.id = vm.staff_id "
            + "WHERE vm.valid_to IS NULL AND vs.user_id = :viewer";

    private final CurrentUser currentUser;
    private final ReadPolicy policy;
    private final JdbcClient jdbc;

    public Visibility(CurrentUser currentUser, ReadPolicy policy, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.policy = policy;
        this.jdbc = jdbc;
    }

    public boolean isOffice() {
        return policy.readsEverything();
    }

    /** Facilities (alias f): the office all, else those whose groups the viewer reads (manages, administers, coordinates). */
    public Where facilities(Where where) {
        return isOffice() ? where : where.and("f.id IN (:viewerFacilities)", "viewerFacilities",
                policy.groupFacilitiesRead());
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
        var facilities = policy.facilitiesRead();
        String own = userColumn + " = :viewer";
        // the viewer is a parameter that is never left out (Where.and drops a condition whose value is null)
        return where.and(facilities.isEmpty() ? own : facilityColumn + " IN (:viewerManaged) OR " + own)
                .param("viewer", currentUser.id()).param("viewerManaged", facilities);
    }

    /**
     * Rows of the facilities the viewer manages or administers — the facility half of managedOrOwn, for figures per
     * facility (the dashboard) where no row is the viewer's own; the office all.
     */
    public Where managed(Where where, String facilityColumn) {
        return isOffice() ? where : where.and(facilityColumn + " IN (:viewerManaged)", "viewerManaged",
                policy.facilitiesRead());
    }

    /** Whether the viewer manages or administers a facility, or is the office: who reads figures per facility. */
    public boolean managesAny() {
        return isOffice() || !policy.facilitiesRead().isEmpty();
    }

    /**
     * Groups (alias g) for a list: the office all; the originating facility's roles; the group's current members.
     * As one list of ids: H2 answered "facility OR EXISTS member" by reading every group of the register (a clinic
     * coordinator's group list, 10,000 groups: 700 ms; as one list 45 ms, RegisterPagesBenchmark).
     */
    public Where groups(Where where) {
        if (isOffice()) {
            return where;
        }
        var facilities = viewerParams(where);
        return where.and("g.id IN (" + (facilities.isEmpty() ? "" : """
                SELECT vg.id FROM patient_group vg WHERE vg.facility_id IN (:viewerGroupFacilities)
                UNION ALL\s""") + "SELECT vm.group_id FROM " + MEMBER_OF + ")");
    }

    /**
     * The same rule row by row, for rows already narrowed by id (a group's page, which of some groups): there H2 and
     * PostgreSQL find the rows by their key first, where the list of ids above would be read whole for each check.
     */
    private Where groupRows(Where where) {
        if (isOffice()) {
            return where;
        }
        var facilities = viewerParams(where);
        return where.and((facilities.isEmpty() ? "" : "g.facility_id IN (:viewerGroupFacilities) OR ")
                + "EXISTS (SELECT 1 FROM " + MEMBER_OF + " AND vm.group_id = g.id)");
    }

    private List<String> viewerParams(Where where) {
        var facilities = policy.groupFacilitiesRead();
        where.param("viewer", currentUser.id()).param("viewerGroupFacilities", facilities);
        return facilities;
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
        Where readable = groupRows(new Where());
        Where managed = staff(new Where());
        where.and("(" + readable.condition() + ") OR (" + managed.condition() + ")");
        readable.params().forEach(where::param);
        managed.params().forEach(where::param);
        return where;
    }

    /** Whether the viewer reads any facility at all (the office, or a role beyond plain staff). */
    public boolean hasFacilities() {
        return isOffice() || !policy.groupFacilitiesRead().isEmpty();
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
        Where where = groupRows(new Where().and("g.id IN (:ids)", "ids", ids));
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
        return exists("patient_group g", groupRows(new Where().and("g.id = :id", "id", id)));
    }

    private boolean exists(String from, Where where) {
        return jdbc.sql("SELECT COUNT(*) FROM " + from + where.sql()).params(where.params()).query(Long.class)
                .single() > 0;
    }
}
