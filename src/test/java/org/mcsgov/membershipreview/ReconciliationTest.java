package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("突合: people in MCS but not in the register, found at the review (N1-3)")
class ReconciliationTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    @Autowired JdbcClient jdbc;
    @Autowired ReviewReport reports;
    private ReviewFixture scene;

    @BeforeEach
    void twoClinics() {
        scene = ReviewFixture.twoClinics(this);
    }

    @Test
    @DisplayName("N1-3: a registered person found in MCS → late registration through the invitation's approval; "
            + "an unknown one → removal in MCS; counted per facility in the campaign report")
    void foundInMcs() {
        Staff nurse3 = scene.station.person("n3", Role.STAFF);
        String stationAdmin = scene.station.person("admin", Role.MCS_ADMIN).userId();   // N1-2: the station manages MCS
        String stationName = directory.facility(scene.station.facilityId).orElseThrow().name();
        ProcessInstance campaign = scene.campaign();
        long campaignId = scene.campaignId(campaign);

        assertThatThrownBy(() -> scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1),
                scene.membershipOf(scene.group, scene.nurse2)), null, Map.of("foundInMcs", "名前だけ")))
                .isInstanceOf(UserError.class).hasMessageContaining("氏名、事業所名");
        scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1), scene.membershipOf(scene.group, scene.nurse2)), null,
                Map.of("foundInMcs", nurse3.name() + "、" + stationName + "\n山田 不明、どこかの薬局\n"));

        var rows = jdbc.sql("SELECT resolution, process_instance_id FROM review_difference WHERE campaign_id = ?"
                + " ORDER BY id").param(campaignId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(rows).extracting(r -> r[0]).containsExactly("LATE_REGISTRATION", "REMOVE_IN_MCS");

        // the late registration: the coordinator finds the request prefilled, the station's administrator approves
        var invitation = runtimeService.createProcessInstanceQuery().processInstanceId(rows.get(0)[1]).singleResult();
        assertThat(runtimeService.getVariable(invitation.getId(), "reason")).isEqualTo(Reconciliation.REASON);
        complete(invitation, scene.coord.userId(), Map.of("groupId", String.valueOf(scene.group.id()), "inviteeStaffId",
                String.valueOf(nurse3.id()), "reason", Reconciliation.REASON, "requestAction", "submit"));
        runJobs(invitation);
        assertThat(visibleTasks(invitation, stationAdmin)).isEqualTo(1);

        // the unknown person: removed in MCS by the group's coordinator, a revocation with its deadline
        var removal = runtimeService.createProcessInstanceQuery().processInstanceId(rows.get(1)[1]).singleResult();
        runJobs(removal);
        complete(removal, scene.coord.userId(), Map.of("mcsOutcome", "done"));
        assertThat(jdbc.sql("SELECT revocation FROM mcs_action WHERE process_instance_id = ? AND outcome = 'DONE'")
                .param(removal.getId()).query(Boolean.class).single()).isTrue();

        assertThat(reports.campaign(campaignId).orElseThrow().differences()).singleElement()
                .isEqualTo(new ReviewReport.Differences(scene.clinic.facilityId, 2, 1, 1));
    }

    /** A person of the station found in MCS at the review: the late registration, submitted by the coordinator. */
    private ProcessInstance lateRegistration(Staff nurse3, String stationName, long campaignId) {
        scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1), scene.membershipOf(scene.group, scene.nurse2)), null,
                Map.of("foundInMcs", nurse3.name() + "、" + stationName));
        String instanceId = jdbc.sql("SELECT process_instance_id FROM review_difference WHERE campaign_id = ?")
                .param(campaignId).query(String.class).single();
        ProcessInstance invitation = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        complete(invitation, scene.coord.userId(), Map.of("groupId", String.valueOf(scene.group.id()), "inviteeStaffId",
                String.valueOf(nurse3.id()), "reason", Reconciliation.REASON, "requestAction", "submit"));
        runJobs(invitation);
        return invitation;
    }

    private String[] difference(long campaignId) {
        return jdbc.sql("SELECT resolution, process_instance_id FROM review_difference WHERE campaign_id = ?")
                .param(campaignId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }

    @Test
    @DisplayName("N1-3: a late registration that is rejected → the person is removed in MCS (a revocation), the "
            + "difference resolved as removed; the register and MCS stay in step")
    void lateRegistrationRejectedIsRemovedInMcs() {
        Staff nurse3 = scene.station.person("n3", Role.STAFF);
        String stationAdmin = scene.station.person("admin", Role.MCS_ADMIN).userId();
        String stationName = directory.facility(scene.station.facilityId).orElseThrow().name();
        ProcessInstance campaign = scene.campaign();
        long campaignId = scene.campaignId(campaign);
        ProcessInstance invitation = lateRegistration(nurse3, stationName, campaignId);

        decide(invitation, stationAdmin, "reject", "このグループには不要");

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(invitation).isEnded()
                .hasPassed("Task_CloseRejected", "EndEvent_Rejected");
        String[] row = difference(campaignId);
        assertThat(row[0]).isEqualTo("REMOVE_IN_MCS");
        assertThat(row[1]).isNotEqualTo(invitation.getId());
        var removal = runtimeService.createProcessInstanceQuery().processInstanceId(row[1]).singleResult();
        assertThat(removal.getProcessDefinitionId()).startsWith("mcs-action:");
        runJobs(removal);
        assertThat(visibleTasks(removal, scene.coord.userId())).isEqualTo(1);
        complete(removal, scene.coord.userId(), Map.of("mcsOutcome", "done"));
        assertThat(jdbc.sql("SELECT revocation FROM mcs_action WHERE process_instance_id = ? AND action ="
                + " 'REMOVE_MEMBER' AND outcome = 'DONE'").param(row[1]).query(Boolean.class).single()).isTrue();
        assertThat(groups.isCurrentMember(scene.group.id(), nurse3.id())).isFalse();
        assertThat(reports.campaign(campaignId).orElseThrow().differences()).singleElement()
                .isEqualTo(new ReviewReport.Differences(scene.clinic.facilityId, 1, 1, 0));
    }

    @Test
    @DisplayName("N1-3: a late registration that is approved and accepted → a membership, no removal in MCS")
    void lateRegistrationApprovedIsMember() {
        Staff nurse3 = scene.station.person("n3", Role.STAFF);
        String stationAdmin = scene.station.person("admin", Role.MCS_ADMIN).userId();
        String stationName = directory.facility(scene.station.facilityId).orElseThrow().name();
        ProcessInstance campaign = scene.campaign();
        long campaignId = scene.campaignId(campaign);
        ProcessInstance invitation = lateRegistration(nurse3, stationName, campaignId);

        decide(invitation, stationAdmin, "approve", null);
        complete(invitation, nurse3.userId(), Map.of("inviteeDecision", "accept"));
        runJobs(invitation);
        complete(invitation, scene.coord.userId(), Map.of("mcsOutcome", "done"));

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(invitation).isEnded()
                .hasPassed("EndEvent_Member");
        assertThat(groups.isCurrentMember(scene.group.id(), nurse3.id())).isTrue();
        assertThat(difference(campaignId)).containsExactly("LATE_REGISTRATION", invitation.getId());
        long differenceId = jdbc.sql("SELECT id FROM review_difference WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mcs_action WHERE action = 'REMOVE_MEMBER' AND business_key = ?")
                .param("review-difference:" + differenceId).query(Long.class).single()).isZero();
    }
}
