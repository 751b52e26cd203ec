package org.mcsgov.membershipreview;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsgov.account.LastLoginHints;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Vars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a reviewer sees of one group (N1-3): the members to review and, for each, a line with what deserves a second
 * look — suspended, left the facility, never confirmed, the last login.
 */
@Component
class ReviewChecklist {

    private final DirectoryService directory;
    private final GroupService groups;
    private final JdbcClient jdbc;
    private final LastLoginHints lastLogins;

    ReviewChecklist(DirectoryService directory, GroupService groups, JdbcClient jdbc, LastLoginHints lastLogins) {
        this.directory = directory;
        this.groups = groups;
        this.jdbc = jdbc;
        this.lastLogins = lastLogins;
    }

    /** The members to review: everyone but the group's coordinator, who changes only by a handover (N1-4). */
    List<Member> reviewable(Group group) {
        return groups.currentMembers(group.id()).stream().filter(m -> m.staffId() != group.coordinatorStaffId())
                .toList();
    }

    /** The checklist's options, one per member, valued by membership id. */
    List<Vars.Option> options(List<Member> members) {
        Map<Long, String> last = lastDecisions(members);
        Set<Long> suspended = suspended(members);
        Map<Long, String> logins = lastLogins.hints(members.stream().map(Member::staffId).distinct().toList());
        return members.stream().map(m -> new Vars.Option(
                label(m, last.get(m.membershipId()), suspended.contains(m.membershipId()))
                        + logins.getOrDefault(m.staffId(), ""),
                String.valueOf(m.membershipId()))).toList();
    }

    private Map<Long, String> lastDecisions(List<Member> members) {
        Map<Long, String> last = new HashMap<>();
        if (!members.isEmpty()) {
            jdbc.sql("""
                    SELECT d.membership_id, d.decision, d.by_default FROM review_decision d
                    WHERE d.membership_id IN (:ids) ORDER BY d.decided_at, d.id""")
                    .param("ids", members.stream().map(Member::membershipId).toList())
                    .query((rs, n) -> last.put(rs.getLong(1), rs.getString(2) + (rs.getBoolean(3) ? "*" : "")))
                    .list();
        }
        return last;
    }

    private Set<Long> suspended(List<Member> members) {
        return members.isEmpty() ? Set.of() : new LinkedHashSet<>(jdbc.sql("""
                SELECT ms.membership_id FROM membership_suspension ms JOIN staff_suspension s ON s.id = ms.suspension_id
                WHERE s.status = 'SUSPENDED' AND ms.membership_id IN (:ids)""")
                .param("ids", members.stream().map(Member::membershipId).toList()).query(Long.class).list());
    }

    /** Name, facility, profession, member since, invited by, last decision, and what deserves a second look. */
    private String label(Member m, String lastDecision, boolean suspended) {
        String status = directory.staff(m.staffId()).map(s -> s.status()).orElse("");
        StringBuilder text = new StringBuilder(m.name()).append("（").append(m.facilityName()).append("、")
                .append(m.profession()).append("）参加 ")
                .append(LocalDate.ofInstant(m.validFrom().toInstant(), EngineClock.ZONE)).append("・招待 ")
                .append(m.invitedBy()).append("・前回: ").append(lastDecision == null ? "なし" : switch (lastDecision) {
                    case "KEEP" -> "継続";
                    case "KEEP*" -> "継続（無回答・既定）";
                    default -> lastDecision;
                });
        if (suspended || "SUSPENDED".equals(status)) {
            text.append(" ⚠").append(Staff.Status.SUSPENDED.label());
        }
        if ("LEFT".equals(status) || "LOCKED".equals(status)) {
            text.append(" ⚠事業所を離れています");
        }
        if (lastDecision == null || lastDecision.endsWith("*")) {
            text.append(" ⚠これまで確認されていません");
        }
        return text.toString();
    }
}
