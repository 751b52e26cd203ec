package org.mcsgov.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.platform.UserError;

@DisplayName("directory: accounts, roles and passwords (A7, A8-5, A11-2, A11-3)")
class DirectoryServiceTest extends ProcessTestSupport {

    private NewStaff person(Fixture facility, String suffix, String password) {
        return new NewStaff(facility.facilityId, facility.user(suffix), "試験 太郎", "シケン タロウ", "医師",
                facility.user(suffix) + "@example.jp", password, Set.of(Role.COORDINATOR));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"abcdefgh", "12345678", "abc1234", ""})
    @DisplayName("A11-3: passwords need 8 or more characters with letters and digits")
    void weakPasswordsRefused(String password) {
        Fixture facility = Fixture.facility(directory, FacilityKind.CLINIC);
        assertThatThrownBy(() -> directory.registerStaff(person(facility, "weak", password), "test", null))
                .isInstanceOf(UserError.class).hasMessageContaining("A11-3");
        assertThat(directory.staffByUserId(facility.user("weak"))).isEmpty();
    }

    @Test
    @DisplayName("A7/A8-5: a registered person gets one account, the staff role and the roles asked for, as Camunda groups")
    void registered() {
        Fixture facility = Fixture.facility(directory, FacilityKind.CLINIC);
        Staff staff = directory.registerStaff(person(facility, "ok", "abcd1234"), "test", null);
        assertThat(directory.activeRoles(staff.id())).containsExactlyInAnyOrder(Role.STAFF, Role.COORDINATOR);
        assertThat(identityService.createGroupQuery().groupMember(staff.userId()).list())
                .extracting(g -> g.getId())
                .containsExactlyInAnyOrder(facility.facilityId + "-staff", facility.facilityId + "-coord");
        assertThat(identityService.checkPassword(staff.userId(), "abcd1234")).isTrue();
    }

    @Test
    @DisplayName("A11-2: one person, one account: a second account with the same id or e-mail is refused")
    void oneAccountPerPerson() {
        Fixture facility = Fixture.facility(directory, FacilityKind.CLINIC);
        directory.registerStaff(person(facility, "one", "abcd1234"), "test", null);
        assertThatThrownBy(() -> directory.registerStaff(person(facility, "one", "abcd1234"), "test", null))
                .isInstanceOf(UserError.class).hasMessageContaining("A11-2");
        var sameEmail = new NewStaff(facility.facilityId, facility.user("two"), "別人", "ベツジン", "医師",
                facility.user("one") + "@example.jp", "abcd1234", Set.of());
        assertThatThrownBy(() -> directory.registerStaff(sameEmail, "test", null)).hasMessageContaining("A11-2");
    }

    @Test
    @DisplayName("bad input: facility ids, user ids and e-mail addresses are checked")
    void badInput() {
        assertThatThrownBy(() -> directory.createFacility(new Facility("Bad Id!", "x", FacilityKind.CLINIC, true)))
                .isInstanceOf(UserError.class).hasMessageContaining("事業所ID");
        Fixture facility = Fixture.facility(directory, FacilityKind.CLINIC);
        var badEmail = new NewStaff(facility.facilityId, facility.user("mail"), "x", "エックス", "医師", "no-at-sign",
                "abcd1234", Set.of());
        assertThatThrownBy(() -> directory.registerStaff(badEmail, "test", null)).hasMessageContaining("メールアドレス");
        var unknownFacility = new NewStaff("nowhere", "nowhere-x", "x", "エックス", "医師", "x@example.jp",
                "abcd1234", Set.of());
        assertThatThrownBy(() -> directory.registerStaff(unknownFacility, "test", null)).hasMessageContaining("事業所");
    }
}
