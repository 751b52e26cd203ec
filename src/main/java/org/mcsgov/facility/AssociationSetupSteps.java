package org.mcsgov.facility;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.FacilityRegister.Application;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one step of "association-setup" (医師会事務局の開設): on a register without demo data the system administrator
 * creates the association and its office's first account, which then enrolls facilities (facility-enrollment). Only
 * once: a second office account is not this procedure's (there is one office, and its first person exists).
 */
@Component
public class AssociationSetupSteps {

    private static final Logger log = LoggerFactory.getLogger(AssociationSetupSteps.class);
    static final String SYSTEM_ADMINISTRATORS = "camunda-admin";

    private final DirectoryService directory;
    private final FacilityRegister facilities;
    private final PledgeRegister pledges;
    private final IdentityService identityService;

    public AssociationSetupSteps(DirectoryService directory, FacilityRegister facilities, PledgeRegister pledges,
                                 IdentityService identityService) {
        this.directory = directory;
        this.facilities = facilities;
        this.pledges = pledges;
        this.identityService = identityService;
    }

    /**
     * A7, A8-5, A9-1, A11-3: the association (a facility of kind ASSOCIATION that does not use MCS itself) and its
     * office's first person, whose signed pledge the administrator confirms, with a password to change at first login.
     */
    public JavaDelegate setUp() {
        return execution -> {
            String admin = Facts.authenticated(execution);
            boolean isAdmin = admin != null && AsSystem.call(identityService, () -> identityService.createGroupQuery()
                    .groupMember(admin).list().stream().map(Group::getId).anyMatch(SYSTEM_ADMINISTRATORS::equals));
            if (!isAdmin) {
                throw new UserError("事務局の開設はシステム管理者だけが行えます", "only the system administrator sets up the office");
            }
            if (directory.facilities().stream().anyMatch(f -> f.kind() == FacilityKind.ASSOCIATION)) {
                throw new UserError("医師会事務局は既に開設されています", "the association office exists already");
            }
            Vars.confirmed(execution, "pledgeConfirmed", "誓約書への署名を確認した");
            String pi = execution.getProcessInstanceId();
            Application association = new Application(Vars.text(execution, "associationId", "医師会のID", 32),
                    Vars.text(execution, "associationName", "医師会事務局の名称", 200), FacilityKind.ASSOCIATION,
                    Vars.text(execution, "associationAddress", "所在地", 300),
                    Vars.text(execution, "associationTelephone", "電話番号", 30), false, null);
            facilities.apply(association, admin, pi);
            facilities.approve(association.id(), admin, null, pi);
            facilities.activate(association.id(), admin, pi);
            Staff office = directory.registerPending(new NewStaff(association.id(),
                    Vars.text(execution, "officeUserId", "ユーザーID", 32),
                    Vars.text(execution, "officeName", "氏名", 100), Vars.text(execution, "officeKana", "ふりがな", 100),
                    "事務", Vars.text(execution, "officeEmail", "メールアドレス", 200), null, Set.of()), pi);
            pledges.record(office, PledgeRegister.Status.SIGNED, admin, pi);
            directory.activate(office.id(), Vars.text(execution, "initialPassword", "初期パスワード", 64),
                    Set.of(Role.OFFICE), admin, pi, true);
            execution.removeVariable("initialPassword");
            execution.setProcessBusinessKey("facility:" + association.id());
            log.info("association {} set up with the office account {} by {}", association.id(), office.userId(), admin);
        };
    }
}
