package org.mcsgov.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.directory.StaffTransfers;
import org.mcsgov.directory.StaffTransfers.Transfer;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "staff-transfer" (異動; A8-5, A9-1, A11-2, N1-2): the old facility's MCS administrator asks, the
 * destination's MCS administrator accepts (or rejects, or returns), then the person leaves through staff-offboarding
 * and joins through staff-onboarding with the same user id. Facts come from the register and the authenticated user.
 */
@Component
public class StaffTransferSteps {

    private static final Logger log = LoggerFactory.getLogger(StaffTransferSteps.class);

    private final DirectoryService directory;
    private final StaffTransfers transfers;
    private final String expireAfter;

    /** expireAfter: how long the destination's decision, or a revision, is waited for (mcs.staff-transfer.expire-after). */
    public StaffTransferSteps(DirectoryService directory, StaffTransfers transfers,
                              StaffTransferProperties settings) {
        this.directory = directory;
        this.transfers = transfers;
        this.expireAfter = settings.expireAfter();
    }

    /** Read by the boundary timers of the decision and the revision. */
    public String getExpireAfter() {
        return expireAfter;
    }

    /**
     * The lists of the request (nobody types a user id or a facility id): the facility's other active staff, and the
     * other facilities a person can move to. The request's check reads the same register again.
     */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            var movers = directory.activeStaffOf(admin.facilityId()).stream().filter(s -> s.id() != admin.id())
                    .map(s -> new Vars.Option(s.name() + "（" + s.profession() + "）", s.userId())).toList();
            var destinations = destinations(admin.facilityId()).stream()
                    .map(f -> new Vars.Option(f.name(), f.id())).toList();
            if (movers.isEmpty() || destinations.isEmpty()) {
                throw new UserError("異動できる職員または異動先の事業所がありません",
                        "no staff member to move or no facility to move to");
            }
            execution.setVariable("moverOptions", Vars.options(movers));
            execution.setVariable("destinationOptions", Vars.options(destinations));
        };
    }

    /** The request: one's own active staff member, to another ACTIVE facility with an administrator. */
    public JavaDelegate request() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            String userId = Vars.text(execution, "moverUserId", "異動する人のユーザーID", 64);
            Staff mover = directory.staffByUserId(userId)
                    .filter(s -> s.facilityId().equals(admin.facilityId()) && s.isActive())
                    .orElseThrow(() -> new UserError("この事業所の有効な職員ではありません: " + userId,
                            "not an active staff member of your facility: " + userId));
            if (mover.id() == admin.id()) {
                throw new UserError("自分自身の異動は、他のMCS管理者に依頼してください", "another administrator asks for your move");
            }
            Facility destination = destination(execution, admin.facilityId());
            String reason = Vars.text(execution, "transferReason", "異動の理由", 900);
            long id = transfers.request(mover.id(), admin.facilityId(), destination.id(), reason, admin.userId(),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey("staff-transfer:" + mover.id());
            execution.setVariable("transferId", id);
            execution.setVariable("facilityId", admin.facilityId());
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(admin.facilityId()));
            execution.setVariable("destinationAdminGroup", Role.MCS_ADMIN.groupId(destination.id()));
            execution.setVariable("moverLabel", mover.name() + "（" + mover.profession() + "、" + mover.userId() + "）");
            execution.setVariable("transferRoute", directory.facility(admin.facilityId()).orElseThrow().name()
                    + " → " + destination.name());
            // the facility's staff list is none of the destination's business (least knowledge)
            execution.removeVariable("moverOptions");
            execution.removeVariable("destinationOptions");
            log.info("[{}] move of {} to {} asked by {}", execution.getBusinessKey(), userId, destination.id(),
                    admin.userId());
        };
    }

    /** DESIGN.md §3b: 受入れ / 却下 / 差し戻し by an active MCS administrator of the destination, with the roles there. */
    public JavaDelegate checkDecision() {
        return execution -> {
            Transfer transfer = transfer(execution);
            Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            if (!admin.facilityId().equals(transfer.toFacilityId())) {
                throw new UserError("異動先の事業所のMCS管理者ではありません", "not an MCS administrator of the destination");
            }
            String decision = Vars.choice(execution, "transferDecision", "判断", "accept", "reject", "return");
            String comment = "accept".equals(decision)
                    ? Vars.optionalText(execution, "transferComment", "コメント", 1000)
                    : Vars.text(execution, "transferComment", "理由", 1000);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if ("accept".equals(decision)) {
                if (directory.staff(transfer.staffId()).filter(Staff::isActive).isEmpty()
                        || !directory.facilityActive(transfer.toFacilityId())) {
                    throw new UserError("異動する人が元の事業所で有効でないか、異動先が利用中ではありません",
                            "the mover is no longer active or the destination is not active");
                }
                if (Boolean.TRUE.equals(execution.getVariable("roleCoordinator"))) {
                    roles.add(Role.COORDINATOR);
                }
                if (Boolean.TRUE.equals(execution.getVariable("roleAdmin"))) {
                    roles.add(Role.MCS_ADMIN);
                }
            }
            String status = switch (decision) {
                case "accept" -> "ACCEPTED";
                case "reject" -> "REJECTED";
                default -> "RETURNED";
            };
            transfers.decide(transfer.id(), status, admin.userId(), comment, roles);
            execution.setVariable("decidedBy", admin.userId());
        };
    }

    /** After a return: the old facility's administrator revises the reason and asks again, or withdraws. */
    public JavaDelegate checkRevision() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            if (!admin.facilityId().equals(Facts.facility(execution))) {
                throw new UserError("異動元の事業所のMCS管理者ではありません", "not an MCS administrator of the old facility");
            }
            String decision = Vars.choice(execution, "reviseDecision", "修正の扱い", "resubmit", "withdraw");
            if ("resubmit".equals(decision)) {
                transfers.resubmit(transfer(execution).id(), Vars.text(execution, "transferReason", "異動の理由", 900));
            } else {
                transfers.end(transfer(execution).id(), "WITHDRAWN", null);
            }
        };
    }

    public JavaDelegate expired() {
        return execution -> transfers.end(transfer(execution).id(), "EXPIRED", null);
    }

    /** How it ended: the new entry active (MOVED), or the onboarding closed without an account (NOT_JOINED). */
    public JavaDelegate record() {
        return execution -> {
            Object newStaffId = execution.getVariable("newStaffId");
            Long id = newStaffId == null ? null : ((Number) newStaffId).longValue();
            boolean joined = id != null && directory.staff(id).filter(Staff::isActive).isPresent();
            transfers.end(transfer(execution).id(), joined ? "MOVED" : "NOT_JOINED", id);
            execution.setVariable("joined", joined);
            log.info("[{}] move ended: {}", execution.getBusinessKey(), joined ? "joined" : "not joined");
        };
    }

    /** The facilities one can move to: another active facility using MCS with an active MCS administrator. */
    private List<Facility> destinations(String ownFacilityId) {
        return directory.facilities().stream().filter(f -> acceptsMovers(f, ownFacilityId)).toList();
    }

    private boolean acceptsMovers(Facility facility, String ownFacilityId) {
        return !facility.id().equals(ownFacilityId) && facility.usesMcs() && directory.facilityActive(facility.id())
                && !directory.activeWithRole(facility.id(), Role.MCS_ADMIN).isEmpty();
    }

    private Facility destination(DelegateExecution execution, String ownFacilityId) {
        String id = Vars.text(execution, "destinationFacilityId", "異動先の事業所", 32);
        return directory.facility(id).filter(f -> acceptsMovers(f, ownFacilityId))
                .orElseThrow(() -> new UserError("異動先は、MCSを利用中でMCS管理者のいる他の事業所にしてください: " + id,
                        "the destination must be another active facility using MCS with an MCS administrator: " + id));
    }

    private Transfer transfer(DelegateExecution execution) {
        return transfers.transfer(((Number) execution.getVariable("transferId")).longValue()).orElseThrow();
    }
}
