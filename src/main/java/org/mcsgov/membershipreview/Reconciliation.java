package org.mcsgov.membershipreview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.mcs.McsAction;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 突合 (N1-3): the reviewer compares the register's members with the group as it is in MCS and reports who is in MCS
 * but not in the register, one per line 「氏名、事業所名」. A registered active person of a facility using MCS becomes a
 * late registration through the invitation's approval (group-invitation, prefilled for the group's coordinator, with
 * the reason "found in MCS at review"); anyone else is removed in MCS (mcs-action REMOVE_MEMBER, a revocation). Each
 * difference is recorded with its facility for the campaign's report.
 */
@Component("reconciliation")
public class Reconciliation {

    static final String REASON = "見直しでMCSにいることが分かった（found in MCS at review）";
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final JdbcClient jdbc;
    private final GroupService groups;
    private final DirectoryService directory;

    public Reconciliation(JdbcClient jdbc, GroupService groups, DirectoryService directory) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.directory = directory;
    }

    private record Found(String name, String facility) {
    }

    public JavaDelegate record() {
        return execution -> {
            String text = Vars.optionalText(execution, "foundInMcs", "MCSにいて台帳にいない人", 2000);
            if (text == null) {
                return;
            }
            List<Found> found = parse(text);   // every line checked before anything is started
            long reviewId = Vars.id(execution, "reviewId", "見直し");
            long campaignId = jdbc.sql("SELECT campaign_id FROM group_review WHERE id = ?").param(reviewId)
                    .query(Long.class).single();
            Group group = groups.group((Long) execution.getVariable("groupId")).orElseThrow();
            String coordinator = directory.staff(group.coordinatorStaffId()).filter(Staff::isActive)
                    .map(Staff::userId).orElse(null);
            for (Found person : found) {
                Long staffId = coordinator == null ? null : registered(person, group);
                long id = Rows.insert(jdbc, """
                        INSERT INTO review_difference (source, campaign_id, review_id, group_id, facility_id, person_name,
                            person_facility, staff_id, resolution, reported_by, reported_at, reconciliation_instance_id)
                        VALUES ('GROUP_REVIEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", campaignId, reviewId, group.id(),
                        group.facilityId(), person.name(), person.facility(), staffId,
                        staffId == null ? "REMOVE_IN_MCS" : "LATE_REGISTRATION", Facts.actor(execution), Rows.now(),
                        execution.getProcessInstanceId());
                String instance = staffId == null ? removeInMcs(execution, id, group, coordinator, person, REASON)
                        : lateRegistration(execution, group, coordinator, staffId, id);
                jdbc.sql("UPDATE review_difference SET process_instance_id = ? WHERE id = ?").params(instance, id)
                        .update();
            }
            log.info("[{}] {} person(s) in MCS but not in the register", execution.getBusinessKey(), found.size());
        };
    }

    private static List<Found> parse(String text) {
        List<Found> found = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s*[、,，]\\s*", 2);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new UserError("「氏名、事業所名」の形で1行に1人書いてください: " + line.strip(),
                        "one person per line as 'name, facility': " + line.strip());
            }
            found.add(new Found(parts[0], parts[1]));
        }
        return found;
    }

    /** The active registered person of a facility using MCS with this name and facility name, not yet a member. */
    private Long registered(Found person, Group group) {
        Map<String, Object> params = new HashMap<>(Map.of("name", compact(person.name()),
                "facility", compact(person.facility())));
        return jdbc.sql("""
                SELECT s.id FROM staff s JOIN facility f ON f.id = s.facility_id
                WHERE s.status = 'ACTIVE' AND f.uses_mcs
                    AND REPLACE(REPLACE(s.name, ' ', ''), '　', '') = :name
                    AND REPLACE(REPLACE(f.name, ' ', ''), '　', '') = :facility""").params(params)
                .query(Long.class).list().stream().filter(id -> !groups.isCurrentMember(group.id(), id))
                .findFirst().orElse(null);
    }

    private static String compact(String text) {
        return text.replace(" ", "").replace("　", "");
    }

    private static String removeInMcs(DelegateExecution execution, long differenceId, Group group, String coordinator,
                                      Found person, String why) {
        Map<String, Object> variables = new HashMap<>(Map.of("mcsAction", McsAction.REMOVE_MEMBER.name(),
                "mcsSubject", group.name() + " から " + person.name() + "（" + person.facility() + "）: " + why,
                "mcsCandidateGroup", Role.COORDINATOR.groupId(group.facilityId()), "mcsCancellable", false));
        variables.put("mcsAssignee", coordinator);
        return start(execution, "mcs-action", "review-difference:" + differenceId, variables);
    }

    /**
     * The group's coordinator gets the invitation's request prefilled; the invitee's administrator approves. The
     * invitation carries the difference it settles ({@code reviewDifferenceId}, set here by the step, never a form
     * field), so that a late registration that does not end in a membership asks the removal in MCS.
     */
    private static String lateRegistration(DelegateExecution execution, Group group, String coordinator, long staffId,
                                           long differenceId) {
        return start(execution, "group-invitation", null, Map.of("initiator", coordinator,
                "groupId", String.valueOf(group.id()), "inviteeStaffId", String.valueOf(staffId), "reason", REASON,
                "reviewDifferenceId", differenceId));
    }

    /**
     * N1-3: a late registration (an invitation started by the 突合) that ends without a membership — rejected,
     * expired, declined, withdrawn or cancelled — leaves the person in the group in MCS while the register says they
     * are not a member: the removal is asked in MCS (mcs-action REMOVE_MEMBER, a revocation with its deadline) and
     * the difference is resolved as REMOVE_IN_MCS with that removal as its process. Any other invitation: nothing.
     */
    public void lateRegistrationEnded(DelegateExecution execution, String outcome) {
        Object differenceId = execution.getVariable("reviewDifferenceId");
        if (!(differenceId instanceof Number number)) {
            return;
        }
        long id = number.longValue();
        var row = jdbc.sql("SELECT group_id, person_name, person_facility, resolution FROM review_difference"
                        + " WHERE id = ?").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .optional().orElse(null);
        if (row == null || !"LATE_REGISTRATION".equals(row[3])) {
            return;   // already settled once (a cancellation after a close does not ask twice)
        }
        Group group = groups.group(Long.parseLong(row[0])).orElseThrow();
        String coordinator = directory.staff(group.coordinatorStaffId()).filter(Staff::isActive)
                .map(Staff::userId).orElse(Facts.starter(execution));
        String instance = removeInMcs(execution, id, group, coordinator, new Found(row[1], row[2]),
                "遅れた登録が参加にならなかった（" + outcome + "）");
        jdbc.sql("UPDATE review_difference SET resolution = 'REMOVE_IN_MCS', process_instance_id = ? WHERE id = ?")
                .params(instance, id).update();
        log.info("[{}] late registration ended without a membership ({}): removal in MCS asked for difference {}",
                execution.getBusinessKey(), outcome, id);
    }

    /** Started by the reconciliation's step: the reviewer holds no right to start them, the review decided it. */
    static String start(DelegateExecution execution, String key, String businessKey,
                                Map<String, Object> variables) {
        var engine = execution.getProcessEngineServices();
        return AsSystem.call(engine.getIdentityService(), () -> engine.getRuntimeService()
                .startProcessInstanceByKey(key, businessKey, variables).getId());
    }
}
