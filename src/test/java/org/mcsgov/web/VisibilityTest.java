package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupFixture;
import org.mcsgov.group.GroupService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("the register's read rule for groups as SQL: the list and the check by id agree (A7, A8-1)")
class VisibilityTest extends EngineTestSupport {

    @Autowired Visibility visibility;
    @Autowired GroupService groups;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("the coordinator reads her facility's group; another facility's staff does not; an authentication "
            + "without a user id reads no group and no person")
    void listAndCheckAgree() {
        Fixture clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        long coordinator = clinic.person("coord", Role.COORDINATOR).id();
        Fixture station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        station.person("staff");
        Group group = new GroupFixture(this, groups).activePatientGroup(clinic.user("coord"), false);

        as(clinic.user("coord"));
        assertThat(listed()).contains(group.id());
        assertThat(visibility.group(group.id())).isTrue();

        as(station.user("staff"));
        assertThat(listed()).doesNotContain(group.id());
        assertThat(visibility.group(group.id())).isFalse();

        // an authentication without a user id reads nothing: the viewer is a parameter of the rule, not a filter that
        // a missing value switches off (Where.and leaves out a condition whose value is null: fail closed)
        identityService.setAuthentication(null, List.of());
        assertThat(listed()).isEmpty();
        assertThat(visibility.group(group.id())).isFalse();
        assertThat(visibility.staff(coordinator)).isFalse();
    }

    private List<Long> listed() {
        Where where = visibility.groups(new Where());
        return jdbc.sql("SELECT g.id FROM patient_group g" + where.sql()).params(where.params()).query(Long.class)
                .list();
    }
}
