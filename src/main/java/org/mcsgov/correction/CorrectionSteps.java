package org.mcsgov.correction;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.directory.Deciders;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.springframework.stereotype.Component;

/**
 * Steps of "register-correction" (登録内容の訂正): the one responsible for an entry corrects a field a person typed,
 * with a reason; the old value is kept in the correction register; a consent record's correction is applied only
 * once the facility manager approves it (evidence, A6).
 */
@Component
public class CorrectionSteps {

    private final DirectoryService directory;
    private final Deciders deciders;
    private final Corrections corrections;
    private final String expireAfter;

    public CorrectionSteps(DirectoryService directory, Deciders deciders, Corrections corrections,
                           CorrectionProperties settings) {
        this.directory = directory;
        this.deciders = deciders;
        this.corrections = corrections;
        this.expireAfter = settings.expireAfter();
    }

    /** The fields of the entries the starter is responsible for in their facility (CorrectionKind.responsible). */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff starter = directory.staffByUserId(String.valueOf(Facts.starter(execution)))
                    .filter(Staff::isActive).orElse(null);
            List<Vars.Option> options = new ArrayList<>();
            if (starter != null) {
                for (CorrectionKind kind : CorrectionKind.values()) {
                    if (directory.activeRoles(starter.id()).contains(kind.responsible())) {
                        options.addAll(options(kind, kind.associationWide() ? null : starter.facilityId()));
                    }
                }
            }
            if (options.isEmpty()) {
                throw new UserError("訂正できる登録がありません（職員と端末はMCS管理者、患者・同意の記録・自由グループは担当者、事業所は医師会事務局が訂正します）",
                        "nothing to correct: staff and devices are corrected by the MCS administrator, patients, consents"
                                + " and free groups by coordinators, facilities by the office");
            }
            execution.setVariable("correctionOptions", Vars.options(options));
            execution.setVariable("expireAfter", expireAfter);
        };
    }

    /** Checked at completion in the register: the actor is responsible for the entry now; the new value fits. */
    public JavaDelegate check() {
        return execution -> {
            String item = Vars.text(execution, "correctionItem", "訂正する項目", 100);
            String[] parts = item.split(":", 2);
            CorrectionField field;
            try {
                field = CorrectionField.valueOf(parts[0]);
                field.kind().key(parts[1]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new UserError("「訂正する項目」を選んでください", "correctionItem must be FIELD:key: " + item);
            }
            String key = parts[1];
            String facilityId = corrections.facilityOf(field.kind(), key);
            Staff actor = field.kind().associationWide()
                    ? directory.requireActiveWithRole(Facts.actor(execution), Role.OFFICE)
                    : deciders.require(Facts.actor(execution), facilityId, field.kind().responsible());
            String newValue = Vars.text(execution, "newValue", "訂正後の値", 1000);
            field.parse(newValue);
            String oldValue = corrections.current(field, key);
            if (oldValue.equals(newValue)) {
                throw new UserError("訂正後の値が現在の値と同じです: " + newValue, "the new value equals the current one");
            }
            String reason = Vars.text(execution, "correctionReason", "訂正の理由", 1000);
            String label = corrections.entries(field.kind(), facilityId).stream().filter(e -> e.key().equals(key))
                    .map(Corrections.Entry::label).findFirst().orElseThrow(() -> new UserError(
                            "この登録は訂正できません（退職者、廃棄した端末、保管したグループは履歴です）: " + key,
                            "this entry cannot be corrected (a closed entry is history): " + key));
            long id = corrections.request(new Corrections.Request(field, key, label, facilityId, oldValue,
                    newValue, reason), actor.userId(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("correction:" + id);
            execution.setVariable("correctionId", id);
            execution.setVariable("requestedBy", actor.userId());
            execution.setVariable("managerApproves", field.kind().managerApproves());
            execution.setVariable("facilityId", facilityId);
            execution.setVariable("approverGroup", Role.MANAGER.groupId(facilityId));
            execution.setVariable("correctionSummary", field.kind().label() + "「" + label + "」の" + field.label()
                    + "を「" + oldValue + "」から「" + newValue + "」に訂正する。理由: " + reason + "（申請: "
                    + actor.name() + "）");
            execution.removeVariable("correctionOptions");
        };
    }

    /** A correction of evidence: an active manager of the entry's facility decides, never the one who asked. */
    public JavaDelegate checkApproval() {
        return execution -> {
            String decision = Vars.choice(execution, "correctionDecision", "判断", "approve", "reject");
            String comment = "reject".equals(decision)
                    ? Vars.text(execution, "correctionComment", "却下の理由", 1000)
                    : Vars.optionalText(execution, "correctionComment", "コメント", 1000);
            Staff manager = deciders.require(Facts.actor(execution), Facts.facility(execution),
                    Role.MANAGER);
            if (manager.userId().equals(execution.getVariable("requestedBy"))) {
                throw new UserError("自分が申請した訂正は承認できません", "the one who asked cannot approve");
            }
            execution.setVariable("decidedBy", manager.userId());
            execution.setVariable("decisionComment", comment);
        };
    }

    public JavaDelegate apply() {
        return execution -> corrections.apply(id(execution), decidedBy(execution),
                (String) execution.getVariable("decisionComment"));
    }

    public JavaDelegate refuse() {
        return execution -> corrections.close(id(execution), CorrectionStatus.REFUSED, decidedBy(execution),
                (String) execution.getVariable("decisionComment"));
    }

    public JavaDelegate expire() {
        return execution -> corrections.close(id(execution), CorrectionStatus.EXPIRED, null, "期限（" + expireAfter
                + "）までに承認されませんでした");
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable("correctionId")).longValue();
    }

    /** Without an approval the one who asked decided (and applied) it. */
    private static String decidedBy(DelegateExecution execution) {
        Object by = execution.getVariable("decidedBy");
        return by != null ? (String) by : (String) execution.getVariable("requestedBy");
    }

    private List<Vars.Option> options(CorrectionKind kind, String facilityId) {
        List<Corrections.Entry> entries = corrections.entries(kind, facilityId);
        var values = corrections.currentValues(kind, entries.stream().map(Corrections.Entry::key).toList());
        List<Vars.Option> options = new ArrayList<>();
        for (Corrections.Entry entry : entries) {
            values.get(entry.key()).forEach((field, value) -> options.add(new Vars.Option(kind.label() + " "
                    + entry.label() + " — " + field.label() + "（現在: " + value + "）", field.name() + ":" + entry.key())));
        }
        return options;
    }
}
