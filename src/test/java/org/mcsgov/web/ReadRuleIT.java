package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mcsgov.AppTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * One read rule, two doors (issue 16): the register's page and /api answer alike for every viewer, since /api's group
 * and staff views ask {@link Visibility}, the pages' rule. A group's member of another facility reads it at both
 * doors; her administrator, who is no member, at neither.
 */
@DisplayName("read rule: the register's pages and /api answer alike (A7, A8-1, issue 16)")
class ReadRuleIT extends AppTestSupport {

    @Autowired
    ApplicationContext context;

    private long clinicLinkGroup;
    private long nurseStaff;

    @BeforeEach
    void register() {
        RegisterFixtures fixtures = new RegisterFixtures(context);
        clinicLinkGroup = fixtures.clinicGroupWithNurse();
        nurseStaff = fixtures.staffId("nurse-staff");
    }

    @ParameterizedTest(name = "{0} reads the clinic's group with nurse-staff a member: {1}")
    @CsvSource({"nurse-staff, 200", "clinic-coord, 200", "clinic-admin, 200", "clinic-mgr, 200", "office, 200",
            "nurse-admin, 403", "nurse-coord, 403", "clinic-staff, 403", "pharm-admin, 403"})
    void group(String user, int expected) {
        assertThat(get(user, "/register/groups/" + clinicLinkGroup).statusCode()).as("page").isEqualTo(expected);
        assertThat(get(user, "/api/groups/" + clinicLinkGroup + "/members").statusCode()).as("/api").isEqualTo(expected);
        assertThat(get(user, "/api/groups/" + clinicLinkGroup + "/members.csv").statusCode()).as("/api CSV")
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reads nurse-staff's entry and groups: {1}")
    @CsvSource({"nurse-staff, 200", "nurse-admin, 200", "nurse-mgr, 200", "office, 200", "nurse-coord, 403",
            "clinic-coord, 403", "clinic-admin, 403", "pharm-admin, 403"})
    void person(String user, int expected) {
        assertThat(get(user, "/register/staff/" + nurseStaff).statusCode()).as("page").isEqualTo(expected);
        assertThat(get(user, "/api/staff/nurse-staff/groups").statusCode()).as("/api groups").isEqualTo(expected);
        assertThat(get(user, "/api/staff/nurse-staff/attestations").statusCode()).as("/api attestations")
                .isEqualTo(expected);
    }
}
