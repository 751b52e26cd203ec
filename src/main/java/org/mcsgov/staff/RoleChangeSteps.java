package org.mcsgov.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.RoleRegister;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.springframework.stereotype.Component;

/**
 * Steps of "role-change" (役割の変更; A7, NIST PS-5): the facility manager appoints or dismisses the MCS
 * administrators, coordinators and managers of their facility; the association office does it where the manager
 * cannot (a manager's own roles). The last MCS administrator or manager is dismissed only with a successor, a
 * coordinator only once their groups are handed over (coordinator-handover); the change is effective in the engine's
 * groups at once and kept in the register with its history.
 */
@Component
public class RoleChangeSteps {

    /** The roles this procedure changes; STAFF comes and goes with the person, OFFICE with the association. */
    static final Set<Role> CHANGEABLE = EnumSet.of(Role.MANAGER, Role.MCS_ADMIN, Role.COORDINATOR);
    /** A facility takes part only with one of each (facility-enrollment): the last one leaves with a successor. */
    private static final Set<Role> NEEDED = EnumSet.of(Role.MANAGER, Role.MCS_ADMIN);

    private final DirectoryService directory;
    private final RoleRegister roles;
    private final GroupService groups;
    private final String expireAfter;

    public RoleChangeSteps(DirectoryService directory, RoleRegister roles, GroupService groups,
                           RoleChangeProperties settings) {
        this.directory = directory;
        this.roles = roles;
        this.groups = groups;
        this.expireAfter = settings.expireAfter();
    }

    /** The starter is, in the register, a facility manager (their facility's people but themself) or the office. */
    public JavaDelegate loadOptions() {
        return execution -> {
            Changer changer = changer(Facts.starter(execution));
            List<Staff> people = changer.office()
                    ? roles.activeStaffOfEnrolledFacilities()
                    : directory.activeStaffOf(changer.facilityId()).stream().filter(s -> s.id() != changer.staff().id())
                            .toList();
            var options = Vars.options(people.stream().map(s -> new Vars.Option(label(changer, s),
                    String.valueOf(s.id()))).toList());
            execution.setVariable("staffOptions", options);
            execution.setVariable("successorOptions", options);
            execution.setVariable("roleOptions", Vars.options(CHANGEABLE.stream()
                    .map(role -> new Vars.Option(role.label(), role.name())).toList()));
            execution.setVariable("changerGroup", changer.office() ? Role.OFFICE.groupId(null)
                    : Role.MANAGER.groupId(changer.facilityId()));
            execution.setVariable("expireAfter", expireAfter);
        };
    }

    /** Everything checked in the register at completion; nothing is written before all of it holds. */
    public JavaDelegate check() {
        return execution -> {
            Changer changer = changer(Facts.actor(execution));
            Staff person = changeable(changer, Vars.id(execution, "staffId", "対象の職員"), "対象の職員");
            Role role = Role.valueOf(Vars.choice(execution, "roleName", "役割",
                    CHANGEABLE.stream().map(Role::name).toArray(String[]::new)));
            String change = Vars.choice(execution, "roleChange", "任命・解任", "appoint", "dismiss");
            Vars.text(execution, "changeReason", "理由", 1000);
            boolean holds = directory.activeRoles(person.id()).contains(role);
            Staff successor = successor(execution, changer, person, role);
            if ("appoint".equals(change)) {
                if (holds) {
                    throw new UserError(person.name() + "さんは既に「" + role.label() + "」です",
                            person.userId() + " already holds " + role);
                }
                if (successor != null) {
                    throw new UserError("後任は解任のときだけ指定します", "a successor is named only with a dismissal");
                }
            } else {
                checkDismissal(person, role, holds, successor);
            }
            execution.setVariable("changedBy", changer.staff().userId());
            execution.setProcessBusinessKey("staff:" + person.id());
            // the people lists are no business of anyone reading the instance later (least knowledge)
            execution.removeVariable("staffOptions");
            execution.removeVariable("successorOptions");
        };
    }

    public JavaDelegate appoint() {
        return execution -> roles.appoint(person(execution, "staffId"), role(execution),
                (String) execution.getVariable("changedBy"), reason(execution), execution.getProcessInstanceId());
    }

    /** The successor first, so the facility is never without the role; then the person leaves it. */
    public JavaDelegate dismiss() {
        return execution -> {
            String by = (String) execution.getVariable("changedBy");
            if (execution.getVariable("successorStaffId") != null) {
                roles.appoint(person(execution, "successorStaffId"), role(execution), by, reason(execution),
                        execution.getProcessInstanceId());
            }
            roles.dismiss(person(execution, "staffId"), role(execution), by, reason(execution),
                    execution.getProcessInstanceId());
        };
    }

    private void checkDismissal(Staff person, Role role, boolean holds, Staff successor) {
        if (!holds) {
            throw new UserError(person.name() + "さんは「" + role.label() + "」ではありません",
                    person.userId() + " does not hold " + role);
        }
        if (NEEDED.contains(role) && successor == null
                && directory.activeWithRole(person.facilityId(), role).size() <= 1) {
            throw new UserError("最後の" + role.label() + "は後任を指定しないと解任できません（A7）",
                    "the last " + role + " of a facility is dismissed only with a successor (A7)");
        }
        if (role == Role.COORDINATOR) {
            List<Group> coordinated = groups.activeGroupsOf(person.facilityId()).stream()
                    .filter(g -> g.coordinatorStaffId() == person.id()).toList();
            if (!coordinated.isEmpty()) {
                String names = coordinated.stream().map(g -> "「" + g.name() + "」").collect(Collectors.joining());
                throw new UserError(person.name() + "さんが担当者のグループ" + names
                        + "を、先に担当者の引継ぎ（coordinator-handover）で引き継いでください（N1-4）",
                        "hand over the groups the person coordinates first (N1-4): " + coordinated.stream()
                                .map(g -> String.valueOf(g.id())).collect(Collectors.joining(", ")));
            }
        }
    }

    private Staff successor(DelegateExecution execution, Changer changer, Staff person, Role role) {
        Object value = execution.getVariable("successorStaffId");
        if (value == null || value.toString().isBlank()) {
            execution.removeVariable("successorStaffId");
            return null;
        }
        Staff successor = changeable(changer, Vars.id(execution, "successorStaffId", "後任"), "後任");
        if (!successor.facilityId().equals(person.facilityId()) || successor.id() == person.id()
                || directory.activeRoles(successor.id()).contains(role)) {
            throw new UserError("後任は同じ事業所の、まだ「" + role.label() + "」でない別の有効な職員にしてください",
                    "the successor must be another active person of the same facility without the role " + role);
        }
        return successor;
    }

    /** An active person the changer may change: of the manager's facility and not the manager; any for the office. */
    private Staff changeable(Changer changer, long staffId, String label) {
        return directory.staff(staffId).filter(Staff::isActive)
                .filter(s -> changer.office() || s.facilityId().equals(changer.facilityId()) && s.id() != changer.staff().id())
                .orElseThrow(() -> new UserError("「" + label + "」にできるのは自施設の有効な職員（本人以外）だけです: " + staffId,
                        label + ": only an active person of your facility other than yourself: " + staffId));
    }

    private Changer changer(String userId) {
        Staff staff = directory.staffByUserId(userId == null ? "" : userId).filter(Staff::isActive).orElse(null);
        if (staff != null && directory.activeRoles(staff.id()).contains(Role.OFFICE)) {
            return new Changer(staff, true);
        }
        return new Changer(directory.requireActiveWithRole(userId, Role.MANAGER), false);
    }

    private String label(Changer changer, Staff s) {
        String facility = changer.office() ? directory.facility(s.facilityId()).orElseThrow().name() + " " : "";
        return facility + s.name() + "（" + s.userId() + "）";
    }

    private Staff person(DelegateExecution execution, String variable) {
        return directory.staff(Vars.id(execution, variable, variable)).orElseThrow();
    }

    private static Role role(DelegateExecution execution) {
        return Role.valueOf((String) execution.getVariable("roleName"));
    }

    private static String reason(DelegateExecution execution) {
        return (String) execution.getVariable("changeReason");
    }

    private record Changer(Staff staff, boolean office) {
        String facilityId() {
            return staff.facilityId();
        }
    }
}
