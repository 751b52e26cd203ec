package org.mcsgov.staff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.Appointees;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.PledgeRegister.Status;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.directory.StaffTransfers;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "staff-onboarding" (A8-5, A9-1, N3-5, A11-2). The new person has no account until the very end, so the
 * pledge and the profile are recorded by the facility's MCS administrator with the person in front of them (the
 * person signs the paper pledge showing the same points; the administrator records it). Nothing can be reached
 * with a PENDING entry: its Camunda user does not exist yet.
 */
@Component
public class OnboardingSteps {

    private static final Logger log = LoggerFactory.getLogger(OnboardingSteps.class);

    private final DirectoryService directory;
    private final PledgeRegister pledges;
    private final Appointees appointees;
    private final FacilityRegister facilities;
    private final StaffTransfers transfers;
    private final String expireAfter;

    /** expireAfter: how long a pending registration may wait for pledge and profile (mcs.onboarding.expire-after). */
    public OnboardingSteps(DirectoryService directory, PledgeRegister pledges, Appointees appointees,
                           FacilityRegister facilities, StaffTransfers transfers,
                           OnboardingProperties settings) {
        this.directory = directory;
        this.pledges = pledges;
        this.appointees = appointees;
        this.facilities = facilities;
        this.transfers = transfers;
        this.expireAfter = settings.expireAfter();
    }

    /** The deadline of a pending registration, read by the event sub-process's timer (a bean, not a variable:
     * the timer is created when the instance starts, before any variable is set). */
    public String getExpireAfter() {
        return expireAfter;
    }

    /**
     * The registration, checked and stored as PENDING (no login yet): by the facility's MCS administrator from the
     * start form, or, for a facility the office enrolls (facility-enrollment), by the office for a person the
     * application names (appointeeId, set by the calling process, is no form's field).
     */
    public JavaDelegate register() {
        return execution -> {
            Object appointeeId = execution.getVariable("appointeeId");
            Object transferId = execution.getVariable("transferId");
            Registration registration = transferId != null
                    ? byTransfer(Facts.starter(execution), Long.parseLong(transferId.toString()),
                            execution.getProcessInstanceId())
                    : appointeeId == null ? byAdministrator(execution)
                    : byOffice(Facts.starter(execution), Long.parseLong(appointeeId.toString()),
                            execution.getProcessInstanceId());
            Staff pending = registration.pending();
            String roles = registration.roles().stream().map(Role::name).collect(Collectors.joining(","));
            execution.setProcessBusinessKey("staff:" + pending.id());
            execution.setVariable("staffId", pending.id());
            execution.setVariable("staffRoles", roles);
            execution.setVariable("staffLabel", pending.name() + "（" + pending.kana() + "、" + pending.profession()
                    + "、" + pending.email() + "）");
            execution.setVariable("adminGroup", registration.group());
            execution.setVariable("pledgePoints", PledgeRegister.pointsText());
            execution.setVariable("pledgeOnRecord", pledges.hasSigned(pending.email()));
            execution.setVariable("expireAfter", expireAfter);
            log.info("[staff:{}] pending registration of {} by {}", pending.id(), pending.userId(),
                    Facts.starter(execution));
        };
    }

    /** Who is registered, with which roles, and the group whose tasks the pledge and profile are. */
    private record Registration(Staff pending, Set<Role> roles, String group) {
    }

    private Registration byAdministrator(DelegateExecution execution) {
        Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
        Staff pending = directory.registerPending(new NewStaff(admin.facilityId(),
                Vars.text(execution, "staffUserId", "ユーザーID", 32),
                Vars.text(execution, "staffName", "氏名", 100),
                Vars.text(execution, "staffKana", "ふりがな", 100),
                Vars.text(execution, "profession", "職種", 32),
                Vars.text(execution, "staffEmail", "メールアドレス", 200), null, Set.of()),
                execution.getProcessInstanceId());
        return new Registration(pending, requestedRoles(execution), Role.MCS_ADMIN.groupId(admin.facilityId()));
    }

    /** A7, A8-5: the first manager and MCS administrators of an approved facility, registered by the office. */
    private Registration byOffice(String officeUser, long appointeeId, String processInstanceId) {
        directory.requireActiveWithRole(officeUser, Role.OFFICE);
        Appointees.Appointee a = appointees.appointee(appointeeId).orElseThrow(() -> new UserError(
                "申込にない人です: " + appointeeId, "not a person named by the application: " + appointeeId));
        if (!EnumSet.of(FacilityRegister.Status.APPROVED, FacilityRegister.Status.ACTIVE)
                .contains(facilities.status(a.facilityId()))) {
            throw new UserError("承認された事業所ではありません: " + a.facilityId(), "facility not approved: " + a.facilityId());
        }
        Staff pending = directory.registerPending(new NewStaff(a.facilityId(), a.userId(), a.name(), a.kana(),
                a.profession(), a.email(), null, Set.of()), processInstanceId);
        appointees.registered(a.id(), pending.id());
        return new Registration(pending, a.roles(), Role.OFFICE.groupId(null));
    }

    /**
     * A8-5, A11-2: a mover accepted by the destination's MCS administrator (staff-transfer sets transferId, no form's
     * field): the same user id at the new facility, with the roles given at the acceptance.
     */
    private Registration byTransfer(String adminUser, long transferId, String processInstanceId) {
        StaffTransfers.Transfer transfer = transfers.transfer(transferId).filter(t -> "ACCEPTED".equals(t.status()))
                .orElseThrow(() -> new UserError("受け入れられた異動ではありません: " + transferId,
                        "not an accepted transfer: " + transferId));
        Staff admin = directory.requireActiveWithRole(adminUser, Role.MCS_ADMIN);
        if (!admin.facilityId().equals(transfer.toFacilityId())) {
            throw new UserError("異動先の事業所のMCS管理者ではありません", "not an MCS administrator of the destination");
        }
        Staff pending = transfers.registerMover(transfer, processInstanceId);
        return new Registration(pending, transfer.roles(), Role.MCS_ADMIN.groupId(transfer.toFacilityId()));
    }

    /** A9-1: the administrator confirms the pledge on record (then signing is skipped) or has it signed again. */
    public JavaDelegate checkPledgeOnRecord() {
        return execution -> {
            String decision = Vars.choice(execution, "onRecordDecision", "記録の確認", "confirmed", "signAgain");
            boolean skip = "confirmed".equals(decision);
            if (skip) {
                pledges.record(pending(execution), Status.ON_RECORD, Facts.actor(execution),
                        execution.getProcessInstanceId());
            }
            execution.setVariable("pledgeSkipped", skip);
        };
    }

    /** A9-1: signed (the person's own name as signature) or refused, recorded in the pledge register either way. */
    public JavaDelegate checkPledge() {
        return execution -> {
            String decision = Vars.choice(execution, "pledgeDecision", "誓約", "signed", "refused");
            Staff person = pending(execution);
            boolean signed = "signed".equals(decision);
            if (signed && !normalized(Vars.text(execution, "signerName", "署名（氏名）", 100))
                    .equals(normalized(person.name()))) {
                throw new UserError("署名（氏名）が登録した氏名と一致しません: " + person.name(),
                        "the signature does not match the registered name");
            }
            pledges.record(person, signed ? Status.SIGNED : Status.REFUSED, Facts.actor(execution),
                    execution.getProcessInstanceId());
            execution.setVariable("pledgeSigned", signed);
        };
    }

    /** N3-5: display name, profession, photo reference; the initial password follows A11-3 (checked at activation). */
    public JavaDelegate checkProfile() {
        return execution -> {
            String displayName = Vars.text(execution, "displayName", "表示名", 100);
            String profession = Vars.text(execution, "profession", "職種", 32);
            String photo = Vars.optionalText(execution, "photoRef", "写真の参照", 200);
            Vars.text(execution, "initialPassword", "初期パスワード", 64);
            directory.saveProfile(pending(execution).id(), displayName, profession, photo);
        };
    }

    /**
     * Only now the account exists (A8-5, A11-2): Camunda user with the initial password, marked to be changed at
     * first login, roles, and invitations waiting for the e-mail go on. The password leaves the process variables.
     */
    public JavaDelegate activate() {
        return execution -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            String names = (String) execution.getVariable("staffRoles");
            Arrays.stream(names.split(",")).filter(n -> !n.isBlank()).map(Role::valueOf).forEach(roles::add);
            Staff active = directory.activate(pending(execution).id(), (String) execution.getVariable("initialPassword"),
                    roles, Facts.actor(execution), execution.getProcessInstanceId(), true);
            execution.removeVariable("initialPassword");
            log.info("[{}] {} activated", execution.getBusinessKey(), active.userId());
        };
    }

    /** Ends without an account (pledge refused, or expired): the entry is closed, its history kept. */
    public JavaDelegate close(String why) {
        return execution -> {
            directory.closePending(pending(execution).id());
            execution.setVariable("closeReason", why);
            log.info("[{}] pending registration closed: {}", execution.getBusinessKey(), why);
        };
    }

    private Staff pending(DelegateExecution execution) {
        return directory.staff((Long) execution.getVariable("staffId")).orElseThrow();
    }

    private static Set<Role> requestedRoles(DelegateExecution execution) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (Boolean.TRUE.equals(execution.getVariable("roleCoordinator"))) {
            roles.add(Role.COORDINATOR);
        }
        if (Boolean.TRUE.equals(execution.getVariable("roleAdmin"))) {
            roles.add(Role.MCS_ADMIN);
        }
        if (Boolean.TRUE.equals(execution.getVariable("roleManager"))) {
            roles.add(Role.MANAGER);
        }
        return roles;
    }

    private static String normalized(String name) {
        return name.replaceAll("[\\s　]", "");
    }
}
