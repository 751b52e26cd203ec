package org.mcsgov.facility;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.Appointees;
import org.mcsgov.directory.Appointees.Appointee;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.FacilityRegister.Application;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.AsSystem;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.Lists;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.springframework.stereotype.Component;

/**
 * Steps of "facility-enrollment" (事業所の利用申込; A7, A8-5, N1-2): the association office records a facility's
 * application, approves, returns or rejects it; the manager and MCS administrators it names are registered through
 * staff-onboarding; the facility is ACTIVE only once an active manager and MCS administrator exist.
 */
@Component
public class EnrollmentSteps {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final DirectoryService directory;
    private final FacilityRegister facilities;
    private final Appointees appointees;
    private final IdentityService identityService;

    public EnrollmentSteps(DirectoryService directory, FacilityRegister facilities, Appointees appointees,
                           IdentityService identityService) {
        this.directory = directory;
        this.facilities = facilities;
        this.appointees = appointees;
        this.identityService = identityService;
    }

    /** The office records the application (start form): the facility exists as APPLIED. */
    public JavaDelegate record() {
        return execution -> {
            Staff office = directory.requireActiveWithRole(Facts.actor(execution), Role.OFFICE);
            Application application = ApplicationForm.application(execution);
            List<Appointee> people = checkedAppointees(execution, application.id());
            facilities.apply(application, office.userId(), execution.getProcessInstanceId());
            appointees.name(application.id(), people, office.userId(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("facility:" + application.id());
            execution.setVariable("facilityId", application.id());
            prepareDecision(execution);
        };
    }

    /** After a return (or a person who did not become active): the office corrects the application. */
    public JavaDelegate revise() {
        return execution -> {
            Staff office = directory.requireActiveWithRole(Facts.actor(execution), Role.OFFICE);
            String facilityId = Facts.facility(execution);
            Application application = ApplicationForm.application(execution);
            if (!facilityId.equals(application.id())) {
                throw new UserError("事業所IDは変更できません: " + facilityId, "the facility id cannot change: " + facilityId);
            }
            List<Appointee> people = checkedAppointees(execution, facilityId);
            facilities.revise(application, "REVISED", office.userId(), null, execution.getProcessInstanceId());
            appointees.name(facilityId, people, office.userId(), execution.getProcessInstanceId());
            prepareDecision(execution);
        };
    }

    /** DESIGN.md §3b: 承認 / 却下 (reason) / 差し戻し (comment), decided by an active member of the office. */
    public JavaDelegate checkDecision() {
        return execution -> {
            Staff office = directory.requireActiveWithRole(Facts.authenticated(execution), Role.OFFICE);
            String decision = Vars.choice(execution, "decision", "判断", "approve", "reject", "return");
            String comment = "approve".equals(decision)
                    ? Vars.optionalText(execution, "decisionComment", "理由・コメント", 1000)
                    : Vars.text(execution, "decisionComment", "理由・コメント（却下・差し戻しは必須）", 1000);
            String facilityId = Facts.facility(execution);
            String pi = execution.getProcessInstanceId();
            switch (decision) {
                case "approve" -> facilities.approve(facilityId, office.userId(), comment, pi);
                case "reject" -> facilities.reject(facilityId, office.userId(), comment, pi);
                default -> facilities.version(facilityId, "RETURNED", office.userId(), comment, pi);
            }
            execution.setVariable("enrollmentDecision", decision);
            execution.setVariable("decidedBy", office.userId());
            execution.setVariable("appointeeIds", Lists.join(appointees.toRegister(facilityId)));
        };
    }

    /** N1-2, A7: ACTIVE with an active manager and MCS administrator; otherwise the office names someone else. */
    public JavaDelegate checkStaffed() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            boolean staffed = facilities.activateIfStaffed(facilityId, (String) execution.getVariable("decidedBy"),
                    execution.getProcessInstanceId());
            execution.setVariable("staffed", staffed);
            if (!staffed) {
                execution.setVariable("decisionComment", "事業所管理者またはMCS管理者が有効になりませんでした"
                        + "（誓約の拒否または期限切れ）。別の人を指定するか、登録をやり直してください。");
                prepareDecision(execution);
            }
        };
    }

    /** A11-2: every person named for a new account has a user id and e-mail nobody else holds. */
    private List<Appointee> checkedAppointees(DelegateExecution execution, String facilityId) {
        List<Appointee> people = ApplicationForm.appointees(execution, facilityId);
        List<Appointee> current = appointees.current(facilityId);
        for (Appointee person : people) {
            boolean known = current.stream().anyMatch(c -> c.userId().equals(person.userId()) && c.staffId() != null
                    && directory.staff(c.staffId()).filter(s -> !"CLOSED".equals(s.status())).isPresent());
            if (!known && (directory.staffByUserId(person.userId()).isPresent()
                    || directory.staffByEmail(person.email()).filter(s -> !"LEFT".equals(s.status())
                            && !"CLOSED".equals(s.status())).isPresent()
                    || AsSystem.call(identityService, () -> identityService.createUserQuery()
                            .userId(person.userId()).count()) > 0)) {
                throw new UserError("同じユーザーIDまたはメールアドレスのアカウントが既にあります（1人1ID、A11-2）: "
                        + person.userId(), "an account with this user id or e-mail exists already: " + person.userId());
            }
        }
        return people;
    }

    /** What the decision form shows: the application now and its history from the register (承認履歴). */
    private void prepareDecision(DelegateExecution execution) {
        String facilityId = Facts.facility(execution);
        Application a = facilities.application(facilityId).orElseThrow();
        String people = appointees.current(facilityId).stream()
                .map(p -> p.roles().stream().map(Role::label).collect(Collectors.joining("・")) + ": " + p.name()
                        + "（" + p.kana() + "、" + p.profession() + "、" + p.email() + "、ID " + p.userId() + "）")
                .collect(Collectors.joining("\n"));
        execution.setVariable("applicationSummary", a.name() + "（" + a.kind().label() + "、事業所ID " + a.id() + "）\n"
                + "所在地: " + a.address() + "　電話: " + a.telephone() + "\n"
                + "MCSを事業所として利用: " + (a.usesMcs() ? "はい" : "いいえ") + "\n"
                + "連携守秘誓約書の締結日: " + a.agreementDate() + "\n" + people);
        execution.setVariable("approvalHistory", facilities.versions(facilityId).stream()
                .map(v -> WHEN.format(v.changedAt()) + " " + v.changedBy() + " "
                        + FacilityRegister.Change.valueOf(v.changeKind()).label()
                        + (v.reason() == null ? "" : "（" + v.reason() + "）"))
                .collect(Collectors.joining("\n")));
    }
}
