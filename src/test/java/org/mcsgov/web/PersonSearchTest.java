package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.Role;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("staff search as people type a name: hiragana, half-width katakana, without the space (issue 15)")
class PersonSearchTest extends EngineTestSupport {

    @Autowired StaffList staffList;

    @Test
    @DisplayName("the pattern: NFKC, hiragana to katakana, no spaces, no LIKE wildcards")
    void pattern() {
        assertThat(PersonSearch.pattern(Map.of("q", "なかむら　あい"), "q")).isEqualTo("%ナカムラアイ%");
        assertThat(PersonSearch.pattern(Map.of("q", "ﾅｶﾑﾗ ｱｲ"), "q")).isEqualTo("%ナカムラアイ%");
        assertThat(PersonSearch.pattern(Map.of("q", "中村愛"), "q")).isEqualTo("%中村愛%");
        assertThat(PersonSearch.pattern(Map.of("q", "ＡＢＣ%_"), "q")).isEqualTo("%ABC%");
        assertThat(PersonSearch.pattern(Map.of("q", " 　"), "q")).isNull();
        assertThat(PersonSearch.katakana("ゔぁー")).isEqualTo("ヴァー");
    }

    @Test
    @DisplayName("the register's staff list finds 中村 愛（ナカムラ アイ） by every way of typing her name, and nobody else")
    void staffListFindsEveryWayOfTyping() {
        Fixture station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        directory.registerStaff(new NewStaff(station.facilityId, station.user("aina"), "中村 愛", "ナカムラ アイ", "看護師",
                station.user("aina") + "@example.jp", Fixture.PASSWORD, Set.of()), "test", null);
        directory.registerStaff(new NewStaff(station.facilityId, station.user("other"), "中山 花子", "ナカヤマ ハナコ",
                "看護師", station.user("other") + "@example.jp", Fixture.PASSWORD, Set.of()), "test", null);
        identityService.setAuthentication("office-reader", List.of(Role.OFFICE.groupId(null)));
        try {
            for (String typed : List.of("中村愛", "中村 愛", "なかむら あい", "なかむらあい", "ﾅｶﾑﾗｱｲ", "ナカムラアイ", "むら")) {
                assertThat(staffList.rows(Map.of("q", typed, "facility", station.facilityId)).all())
                        .as(typed).extracting(StaffList.Row::name).containsExactly("中村 愛");
            }
            assertThat(staffList.rows(Map.of("q", "なか", "facility", station.facilityId)).all()).hasSize(2);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
