package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.invitation.InvitationFixture.request;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, first complaint: once a facility keeps its pledges in the register, its staff who signed on paper before
 * the system could no longer be invited. pledge-record puts the paper pledge on record (A9-1), and the invitation
 * goes through.
 */
@DisplayName("pledge-record: a pledge signed on paper before the system, recorded by the MCS administrator (A9-1, N1-2)")
class PledgeOnPaperTest extends ProcessTestSupport {

    private InvitationFixture scene;

    @Autowired PledgeRegister pledges;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void stationKeepsPledges() {
        scene = InvitationFixture.clinicAndStation(this);
        // a colleague onboarded through the system: from now on the station keeps its pledges in the register
        Staff colleague = scene.station.person("colleague");
        pledges.record(colleague, PledgeRegister.Status.SIGNED, scene.stationAdmin, null);
    }

    private Map<String, Object> paper(Staff person, String signedOn) {
        return new HashMap<>(Map.of("staffId", String.valueOf(person.id()), "paperSignedOn", signedOn,
                "paperKeptAt", "事業所の書庫「MCS誓約書」ファイル（2024年度）", "paperChecked", true));
    }

    @Test
    @DisplayName("refused before (誓約書が台帳にありません); recorded with the paper's date and place; then the invitation goes through")
    void recordedThenInvited() {
        ProcessInstance refused = start(scene.coord, "group-invitation", Map.of());
        assertThatThrownBy(() -> complete(refused, scene.coord, request(scene.group, scene.nurse))).isInstanceOf(UserError.class)
                .hasMessageContaining("誓約書");

        ProcessInstance instance = start(scene.stationAdmin, "pledge-record", Map.of());
        assertThat(instance).isWaitingAt("UserTask_Record");
        complete(instance, scene.stationAdmin, paper(scene.nurse, "2024-04-01"));

        assertThat(instance).isEnded().hasPassed("Task_Check", "EndEvent_Recorded");
        assertThat(pledges.latest(scene.nurse.email())).contains(PledgeRegister.Status.ON_RECORD);
        var row = jdbc.sql("SELECT paper_signed_on, paper_kept_at, recorded_by FROM pledge WHERE staff_id = ?")
                .param(scene.nurse.id()).query((rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getString(2),
                        rs.getString(3)}).single();
        assertThat(row).containsExactly(LocalDate.of(2024, 4, 1), "事業所の書庫「MCS誓約書」ファイル（2024年度）", scene.stationAdmin);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE user_id = ? AND process_instance_id = ?")
                .params(scene.stationAdmin, instance.getId()).query(String.class).single())
                .contains("pledge of " + scene.nurse.userId(), "2024-04-01");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("staffOptions").count()).as("the facility's list leaves the history").isZero();

        complete(refused, scene.coord, request(scene.group, scene.nurse));
        assertThat(refused).isNotWaitingAt("UserTask_Request");
    }

    @Test
    @DisplayName("bad input is refused and the task waits: a date in the future, the original not checked, someone already on record")
    void badInput() {
        ProcessInstance instance = start(scene.stationAdmin, "pledge-record", Map.of());
        String tomorrow = EngineClock.today().plusDays(1).toString();
        assertThatThrownBy(() -> complete(instance, scene.stationAdmin, paper(scene.nurse, tomorrow)))
                .isInstanceOf(UserError.class).hasMessageContaining("未来");
        var unchecked = paper(scene.nurse, "2024-04-01");
        unchecked.put("paperChecked", false);
        assertThatThrownBy(() -> complete(instance, scene.stationAdmin, unchecked))
                .isInstanceOf(UserError.class).hasMessageContaining("原本");
        // another administrator recorded it meanwhile: the step's own check refuses a second record
        pledges.recordOnPaper(scene.nurse, LocalDate.of(2024, 4, 1), "書庫", scene.stationAdmin, null);
        assertThatThrownBy(() -> complete(instance, scene.stationAdmin, paper(scene.nurse, "2024-04-01")))
                .isInstanceOf(UserError.class).hasMessageContaining("記録済み");
        assertThat(instance).isWaitingAt("UserTask_Record");
    }

    @Test
    @DisplayName("only MCS administrators start it, never for themselves; with nobody left to record the start is refused")
    void whoMayRecord() {
        assertThatThrownBy(() -> start(scene.coord, "pledge-record", Map.of())).isInstanceOf(Exception.class);
        ProcessInstance instance = start(scene.stationAdmin, "pledge-record", Map.of());
        String options = String.valueOf(runtimeService.getVariable(instance.getId(), "staffOptions"));
        assertThat(options).contains(scene.nurse.userId()).doesNotContain(scene.stationAdmin).doesNotContain("colleague");

        pledges.recordOnPaper(scene.nurse, LocalDate.of(2024, 4, 1), "書庫", scene.stationAdmin, null);
        jdbc.sql("UPDATE staff SET status = 'LEFT' WHERE user_id = ?").param(scene.stationManager).update();
        assertThatThrownBy(() -> start(scene.stationAdmin, "pledge-record", Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining("記録が必要な職員はいません");
    }

    @Test
    @DisplayName("nothing entered by the deadline: ends without a record")
    void expiry() {
        ProcessInstance instance = start(scene.stationAdmin, "pledge-record", Map.of());
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 15L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_NotEntered");
        assertThat(pledges.latest(scene.nurse.email())).isEmpty();
    }
}
