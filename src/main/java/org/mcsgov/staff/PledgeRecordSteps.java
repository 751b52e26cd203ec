package org.mcsgov.staff;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "pledge-record" (A9-1): staff who signed the confidentiality pledge on paper before the system get it on
 * record, so that a facility keeping its pledges in the register can invite them (InviteeChecks). The facility's MCS
 * administrator records it with the paper in hand — never their own pledge: another administrator of the facility
 * records that one.
 */
@Component
public class PledgeRecordSteps {

    private static final Logger log = LoggerFactory.getLogger(PledgeRecordSteps.class);

    private final DirectoryService directory;
    private final PledgeRegister pledges;
    private final AuditLog audit;
    private final String expireAfter;

    public PledgeRecordSteps(DirectoryService directory, PledgeRegister pledges, AuditLog audit,
                             PledgeRecordProperties settings) {
        this.directory = directory;
        this.pledges = pledges;
        this.audit = audit;
        this.expireAfter = settings.expireAfter();
    }

    /** The facility's active staff without a pledge on record (the administrator excepted), as the form's options. */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            var options = directory.activeStaffOf(admin.facilityId()).stream()
                    .filter(s -> s.id() != admin.id() && !pledges.hasSigned(s.email()))
                    .map(s -> new Vars.Option(s.name() + "（" + s.userId() + "）", String.valueOf(s.id()))).toList();
            if (options.isEmpty()) {
                throw new UserError("誓約書の記録が必要な職員はいません（全員が記録済みです）",
                        "every active staff member of the facility has a pledge on record");
            }
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(admin.facilityId()));
            execution.setVariable("staffOptions", Vars.options(options));
            execution.setVariable("pledgePoints", PledgeRegister.pointsText());
            execution.setVariable("expireAfter", expireAfter);
        };
    }

    /**
     * A9-1: the acting administrator (authenticated user) is an active MCS administrator of the person's facility now;
     * the person is active, not the administrator, still without a pledge; the paper's date has happened; the
     * administrator confirms the paper shows the pledge's points and the person's signature.
     */
    public JavaDelegate record() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            long staffId = Vars.id(execution, "staffId", "職員");
            Staff person = directory.staff(staffId).filter(Staff::isActive)
                    .filter(s -> s.facilityId().equals(admin.facilityId()) && s.id() != admin.id())
                    .orElseThrow(() -> new UserError("記録できるのは自施設の有効な職員（本人以外）の誓約書だけです: " + staffId,
                            "only an active staff member of your own facility, not yourself: " + staffId));
            if (pledges.hasSigned(person.email())) {
                throw new UserError(person.name() + "さんの誓約書は記録済みです", "the pledge is on record already");
            }
            LocalDate signedOn = Vars.pastDate(execution, "paperSignedOn", "誓約書の署名日");
            String keptAt = Vars.text(execution, "paperKeptAt", "誓約書の保管場所", 200);
            Vars.confirmed(execution, "paperChecked", "誓約書の原本（署名と誓約事項）を確認した");
            pledges.recordOnPaper(person, signedOn, keptAt, admin.userId(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("pledge:" + person.userId());
            execution.setVariable("pledgeStaffUserId", person.userId());
            execution.removeVariable("staffOptions");   // the facility's list is no business of the history
            audit.step(admin.userId(), execution.getProcessInstanceId(),
                    "pledge of " + person.userId() + " signed on paper " + signedOn + " recorded");
            log.info("[{}] pledge on paper of {} recorded by {}", execution.getBusinessKey(), person.userId(),
                    admin.userId());
        };
    }
}
