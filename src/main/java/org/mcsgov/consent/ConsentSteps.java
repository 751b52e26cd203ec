package org.mcsgov.consent;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mcsgov.coordinator.StartingCoordinator;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.Consent;
import org.mcsgov.patient.Patient;
import org.mcsgov.patient.PatientService;
import org.mcsgov.patient.Withdrawal;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Steps of "patient-consent" and "consent-withdrawal" (A4, A6, N2-1). */
@Component
public class ConsentSteps {

    private static final Logger log = LoggerFactory.getLogger(ConsentSteps.class);
    private static final Pattern KATAKANA = Pattern.compile("[ァ-ヶー・　 ]+");

    private final DirectoryService directory;
    private final PatientService patients;
    private final GroupService groups;

    public ConsentSteps(DirectoryService directory, PatientService patients, GroupService groups) {
        this.directory = directory;
        this.patients = patients;
        this.groups = groups;
    }

    /** A4: the coordinator's facility becomes (or already is) the patient's originating facility. */
    public JavaDelegate registerPatient() {
        return execution -> {
            Staff coordinator = StartingCoordinator.of(directory, execution);
            String name = Vars.text(execution, "patientName", "患者氏名", 100);
            String kana = Vars.text(execution, "patientKana", "ふりがな（カタカナ）", 100);
            if (!KATAKANA.matcher(kana).matches()) {
                throw new UserError("ふりがなは全角カタカナで入力してください: " + kana, "patientKana must be katakana: " + kana);
            }
            LocalDate birthDate = Vars.pastDate(execution, "birthDate", "生年月日");
            Patient patient = patients.registerOrFind(coordinator.facilityId(), name, kana, birthDate,
                    execution.getProcessInstanceId());
            patients.requireNoActiveConsent(patient.id());
            execution.setProcessBusinessKey("patient:" + patient.id());
            execution.setVariable("patientId", patient.id());
            execution.setVariable("patientLabel", patient.label());
            log.info("[patient:{}] consent procedure started by {}", patient.id(), coordinator.userId());
        };
    }

    /** A6: what was explained, and who consented how and when; a refusal needs its reason. */
    public JavaDelegate validateConsent() {
        return execution -> {
            Vars.text(execution, "explanation", "説明した内容（何を・誰と・なぜ共有するか）", 1000);
            if ("granted".equals(Vars.choice(execution, "consentDecision", "同意の有無", "granted", "refused"))) {
                consent(execution);
            } else {
                Vars.text(execution, "refusalReason", "同意しない理由", 1000);
            }
        };
    }

    /** A6: the consent a form recorded (also group-transfer's consent at the receiving facility). */
    public static Consent consent(VariableScope scope) {
        String type = Vars.choice(scope, "consenterType", "同意した人", "patient", "family");
        String relation = "family".equals(type) ? Vars.text(scope, "consenterRelation", "続柄", 50) : null;
        String method = Vars.choice(scope, "consentMethod", "同意の方法", "written", "verbal");
        String document = "written".equals(method)
                ? Vars.text(scope, "documentRef", "同意書の保管番号", 100)
                : Vars.optionalText(scope, "documentRef", "同意書の保管番号", 100);
        return new Consent(Vars.text(scope, "explanation", "説明した内容", 1000),
                type.toUpperCase(), Vars.text(scope, "consenterName", "同意した人の氏名", 100), relation,
                method.toUpperCase(), Vars.pastDate(scope, "consentDate", "同意日"), document);
    }

    public JavaDelegate storeConsent() {
        return execution -> {
            long patientId = Vars.id(execution, "patientId", "患者");
            patients.recordConsent(patientId, consent(execution), Facts.actor(execution),
                    execution.getProcessInstanceId());
            log.info("[patient:{}] consent granted", patientId);
        };
    }

    public JavaDelegate storeRefusal() {
        return execution -> {
            long patientId = Vars.id(execution, "patientId", "患者");
            patients.recordRefusal(patientId, Vars.text(execution, "explanation", "説明した内容", 1000),
                    Vars.text(execution, "refusalReason", "同意しない理由", 1000), Facts.actor(execution),
                    execution.getProcessInstanceId());
            log.info("[patient:{}] consent refused", patientId);
        };
    }

    public JavaDelegate loadWithdrawable() {
        return execution -> {
            Staff coordinator = StartingCoordinator.of(directory, execution);
            var options = patients.consentedPatients(coordinator.facilityId()).stream()
                    .map(p -> new Vars.Option(p.label(), String.valueOf(p.id()))).toList();
            if (options.isEmpty()) {
                throw new UserError("同意が有効な患者がいないため、撤回を記録できません",
                        "no patient of your facility has an active consent");
            }
            execution.setVariable("patientOptions", Vars.options(options));
        };
    }

    public JavaDelegate validateWithdrawal() {
        return execution -> {
            withdrawal(execution);
            Patient patient = withdrawablePatient(execution);
            execution.setProcessBusinessKey("patient:" + patient.id());
            // the facility's other patients are no business of the later tasks (least knowledge)
            execution.removeVariable("patientOptions");
        };
    }

    /** A6: sharing stops; the group (if any) is archived once it is moved to the archive in MCS. */
    public JavaDelegate withdraw() {
        return execution -> {
            Patient patient = withdrawablePatient(execution);
            patients.withdraw(patient.id(), withdrawal(execution), Facts.actor(execution),
                    execution.getProcessInstanceId());
            var group = groups.liveGroupOf(patient.id());
            execution.setVariable("hasGroup", group.isPresent());
            execution.setVariable("groupId", group.map(g -> g.id()).orElse(null));
            execution.setVariable("mcsSubject", group.map(g -> g.name()).orElse(null));
            log.info("[patient:{}] consent withdrawn; group {}", patient.id(), group.map(g -> g.id()).orElse(null));
        };
    }

    public JavaDelegate archiveGroup() {
        return execution -> {
            long groupId = Vars.id(execution, "groupId", "グループ");
            String reason = "同意撤回: " + Vars.text(execution, "withdrawalReason", "撤回の理由", 1000);
            groups.archive(groupId, reason, (String) execution.getVariable("mcsConfirmedBy"),
                    execution.getProcessInstanceId());
            log.info("[{}] group {} archived after consent withdrawal", execution.getBusinessKey(), groupId);
        };
    }

    private Withdrawal withdrawal(VariableScope scope) {
        return new Withdrawal(Vars.choice(scope, "withdrawnBy", "撤回した人", "patient", "family").toUpperCase(),
                Vars.text(scope, "withdrawerName", "撤回した人の氏名", 100),
                Vars.pastDate(scope, "withdrawalDate", "撤回日"),
                Vars.text(scope, "withdrawalReason", "撤回の理由", 1000));
    }

    /** A4: a patient of the acting coordinator's facility in the register, whatever facility a variable names. */
    private Patient withdrawablePatient(DelegateExecution execution) {
        String facilityId = directory.requireActiveWithRole(Facts.actor(execution), Role.COORDINATOR).facilityId();
        long patientId = Vars.id(execution, "patientId", "患者");
        Patient patient = patients.patient(patientId).orElse(null);
        if (patient == null || !patient.facilityId().equals(facilityId)
                || !patients.hasActiveConsent(patientId)) {
            throw new UserError("自施設の同意が有効な患者を選んでください",
                    "choose a patient of your facility with an active consent");
        }
        return patient;
    }
}
