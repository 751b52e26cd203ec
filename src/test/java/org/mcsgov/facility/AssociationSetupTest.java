package org.mcsgov.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A database of its own, as in production: the first run without demo data holds nobody but the system
 * administrator (camunda.bpm.admin-user, README 本番導入の手順).
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:mcsgov-first-run;DB_CLOSE_DELAY=-1",
        "camunda.bpm.admin-user.id=" + AssociationSetupTest.ADMIN, "camunda.bpm.admin-user.password=admin1234"})
@DisplayName("association-setup: the system administrator creates the association office's first account (A7, A9-1, A11-3)")
class AssociationSetupTest extends ProcessTestSupport {

    static final String ADMIN = "sysadmin";

    @Autowired JdbcClient jdbc;
    @Autowired PledgeRegister pledges;

    private static Map<String, Object> form(String id) {
        return new HashMap<>(Map.of("associationId", id, "associationName", "小平市医師会 事務局",
                "associationAddress", "東京都小平市学園東町1-1", "associationTelephone", "042-000-0000",
                "officeUserId", "office-" + id, "officeName", "事務局 花子", "officeKana", "ジムキョク ハナコ",
                "officeEmail", "office@" + id + ".example.jp", "initialPassword", "first2026x", "pledgeConfirmed", true));
    }

    @Test
    @DisplayName("first run: no facility, no person; the office account with its pledge, a password to change; only once")
    void firstRun() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM facility").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single()).isZero();
        assertThat(identityService.createUserQuery().list()).extracting("id").containsExactly(ADMIN);
        Map<String, Object> unconfirmed = form("kodaira");
        unconfirmed.put("pledgeConfirmed", false);
        assertThatThrownBy(() -> start(ADMIN, "association-setup", unconfirmed))
                .hasMessageContaining("誓約書への署名を確認した");

        ProcessInstance instance = start(ADMIN, "association-setup", form("kodaira"));
        assertThat(instance).isEnded().hasPassed("Task_SetUp");
        Staff office = directory.staffByUserId("office-kodaira").orElseThrow();
        assertThat(office.isActive()).isTrue();
        assertThat(directory.activeRoles(office.id())).contains(Role.OFFICE);
        assertThat(identityService.checkPassword("office-kodaira", "first2026x")).isTrue();
        assertThat(jdbc.sql("SELECT password_must_change FROM staff WHERE id = ?").param(office.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(pledges.latest(office.email())).contains(PledgeRegister.Status.SIGNED);
        assertThat(directory.facilityActive("kodaira")).isTrue();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("initialPassword").count()).isZero();

        assertThatThrownBy(() -> start(ADMIN, "association-setup", form("other")))
                .hasMessageContaining("既に開設");
    }

    @Test
    @DisplayName("A7: nobody but the system administrator sets the office up")
    void onlyTheSystemAdministrator() {
        identityService.saveUser(identityService.newUser("intruder"));
        assertThatThrownBy(() -> start("intruder", "association-setup", form("intruders")))
                .isInstanceOf(RuntimeException.class);
        assertThat(directory.facility("intruders")).isEmpty();
    }
}
