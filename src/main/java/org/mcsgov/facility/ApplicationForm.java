package org.mcsgov.facility;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mcsgov.directory.Appointees.Appointee;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.FacilityRegister.Application;
import org.mcsgov.directory.Role;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;

/**
 * The fields of a facility's application (forms facility-application and facility-application-revise) read and
 * checked on the server: the forms validate too, but a REST client bypasses them (DESIGN.md §4).
 */
final class ApplicationForm {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TELEPHONE = Pattern.compile("[0-9０-９][0-9０-９-ー－]{8,14}");
    /** The form's places for people: the manager, then up to two MCS administrators (A7). */
    private static final List<String> PLACES = List.of("manager", "admin1", "admin2");

    private ApplicationForm() {
    }

    static Application application(VariableScope form) {
        String kind = Vars.choice(form, "facilityKind", "種別", kinds());
        String telephone = Vars.text(form, "facilityTelephone", "電話番号", 30);
        if (!TELEPHONE.matcher(telephone).matches()) {
            throw new UserError("電話番号の形式が正しくありません（例: 042-000-0000）: " + telephone,
                    "invalid telephone number: " + telephone);
        }
        return new Application(Vars.text(form, "applicationFacilityId", "事業所ID", 32),
                Vars.text(form, "facilityName", "事業所名", 200), FacilityKind.valueOf(kind),
                Vars.text(form, "facilityAddress", "所在地", 300), telephone,
                Boolean.TRUE.equals(form.getVariable("usesMcs")),
                Vars.pastDate(form, "agreementDate", "連携守秘誓約書の締結日"));
    }

    /**
     * A7: the manager and the MCS administrators the manager appoints. At least one MCS administrator: the manager
     * where they take the role themselves, else the first administrator's place must be filled.
     */
    static List<Appointee> appointees(VariableScope form, String facilityId) {
        List<Appointee> people = new ArrayList<>();
        for (String place : PLACES) {
            boolean required = place.equals("manager") || place.equals("admin1")
                    && !Boolean.TRUE.equals(form.getVariable("managerIsAdmin"));
            if (!required && Vars.optionalText(form, place + "UserId", "ユーザーID", 32) == null) {
                continue;
            }
            Set<Role> roles = place.equals("manager") ? EnumSet.of(Role.MANAGER) : EnumSet.of(Role.MCS_ADMIN);
            if (place.equals("manager") && Boolean.TRUE.equals(form.getVariable("managerIsAdmin"))) {
                roles.add(Role.MCS_ADMIN);
            }
            String label = place.equals("manager") ? "事業所管理者の" : "MCS管理者の";
            String email = Vars.text(form, place + "Email", label + "メールアドレス", 200);
            if (!EMAIL.matcher(email).matches()) {
                throw new UserError("メールアドレスの形式が正しくありません: " + email, "invalid e-mail: " + email);
            }
            people.add(new Appointee(0, facilityId, roles, Vars.text(form, place + "UserId", label + "ユーザーID", 32),
                    Vars.text(form, place + "Name", label + "氏名", 100),
                    Vars.text(form, place + "Kana", label + "ふりがな", 100),
                    Vars.text(form, place + "Profession", label + "職種", 32), email.toLowerCase(), null));
        }
        if (people.stream().map(Appointee::userId).distinct().count() < people.size()
                || people.stream().map(Appointee::email).distinct().count() < people.size()) {
            throw new UserError("同じユーザーIDまたはメールアドレスが2回書かれています（1人1ID、A11-2）",
                    "a user id or e-mail is named twice (one person, one account, A11-2)");
        }
        return people;
    }

    private static String[] kinds() {
        return EnumSet.complementOf(EnumSet.of(FacilityKind.ASSOCIATION)).stream().map(Enum::name)
                .toArray(String[]::new);
    }
}
