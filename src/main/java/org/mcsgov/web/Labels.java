package org.mcsgov.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.mcsgov.attestation.AttestationStatus;
import org.mcsgov.correction.CorrectionField;
import org.mcsgov.correction.CorrectionKind;
import org.mcsgov.correction.CorrectionStatus;
import org.mcsgov.device.Device;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.Member;
import org.mcsgov.invitation.Invitation;
import org.mcsgov.staff.SuspensionStatus;
import org.mcsgov.takeout.Takeout;

/** The Japanese words for the register's codes, for the pages, the CSV and the filters' choices. */
public final class Labels {

    public static final Map<String, String> STAFF_STATUS = labelled(Staff.Status.values(), Staff.Status::label);
    public static final Map<String, String> GROUP_STATUS = labelled(Group.Status.values(), Group.Status::label);
    public static final Map<String, String> GROUP_KIND = labelled(Group.Kind.values(), Group.Kind::label);
    public static final Map<String, String> MEMBER_ROLE = labelled(Member.Role.values(), Member.Role::label);
    public static final Map<String, String> FACILITY_KIND = labelled(FacilityKind.values(), FacilityKind::label);
    public static final Map<String, String> ROLE = labelled(Role.values(), Role::label);
    /** facility.status (facility-enrollment, N1-2). */
    public static final Map<String, String> FACILITY_STATUS = labelled(FacilityRegister.Status.values(),
            FacilityRegister.Status::label);
    /** facility_version.change_kind: what each version of a facility row records. */
    public static final Map<String, String> FACILITY_CHANGE = labelled(FacilityRegister.Change.values(),
            FacilityRegister.Change::label);
    /** correction: what was corrected and how it ended (register-correction, 訂正履歴). */
    public static final Map<String, String> CORRECTION_KIND = labelled(CorrectionKind.values(), CorrectionKind::label);
    public static final Map<String, String> CORRECTION_FIELD = labelled(CorrectionField.values(), CorrectionField::label);
    public static final Map<String, String> CORRECTION_STATUS = labelled(CorrectionStatus.values(),
            CorrectionStatus::label);
    /** invitation.state (group-invitation): where an invitation stands, in the register's words. */
    public static final Map<String, String> INVITATION_STATE = labelled(Invitation.State.values(),
            Invitation.State::label);
    /** device.state (A8-2, A12-10). */
    public static final Map<String, String> DEVICE_STATE = labelled(Device.State.values(), Device.State::label);
    /** takeout.state (device-takeout, A12-9). */
    public static final Map<String, String> TAKEOUT_STATE = labelled(Takeout.State.values(), Takeout.State::label);
    /** staff_suspension.status (user-suspension, N2-2). */
    public static final Map<String, String> SUSPENSION_STATUS = labelled(SuspensionStatus.values(),
            SuspensionStatus::label);
    /** password_attestation.status (password-attestation, A11-1). */
    public static final Map<String, String> ATTESTATION_STATUS = labelled(AttestationStatus.values(),
            AttestationStatus::label);
    /** pledge.status (A9-1): signed in the system, refused, on record (confirmed, or a paper pledge), acknowledged. */
    public static final Map<String, String> PLEDGE_STATUS = labelled(PledgeRegister.Status.values(),
            PledgeRegister.Status::label);
    public static final Map<String, String> YES_NO = ordered("true", "はい", "false", "いいえ");

    private Labels() {
    }

    /** The label of a code, or the code itself when it has none (a value newer than this page). */
    public static String of(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }

    /** Code → label of an enum that carries its own label, in the enum's order: one word for a state everywhere. */
    public static <E extends Enum<E>> Map<String, String> labelled(E[] values, Function<E, String> label) {
        Map<String, String> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(value.name(), label.apply(value));
        }
        return map;
    }

    /** Code → label pairs in the order given (the order of a filter's choices). */
    public static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
