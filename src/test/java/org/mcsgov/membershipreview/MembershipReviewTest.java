package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;

@DisplayName("membership-review: campaigns, group by group (N1-3)")
class MembershipReviewTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    @Autowired ReviewReport reports;
    private ReviewFixture scene;

    @BeforeEach
    void twoClinics() {
        scene = ReviewFixture.twoClinics(this);
    }

    @Autowired ReviewController controller;
    @Autowired Schedules schedules;

    @Test
    @DisplayName("N1-3: a campaign over several facilities; each coordinator (or the MCS administrator) keeps all")
    void severalFacilitiesKeepAll() {
        Group groupB = scene.group(scene.clinicB, scene.coordB, "見直し B", scene.nurse1);
        Staff leavingCoord = scene.clinic.person("coord2", Role.COORDINATOR);
        Group orphan = scene.group(scene.clinic, leavingCoord, "見直し 担当者なし", scene.nurse2);
        directory.lock(leavingCoord.id());

        ProcessInstance campaign = start(scene.office, "membership-review",
                Map.of("facilityIds", scene.clinic.facilityId + "," + scene.clinicB.facilityId));
        runAllJobs(campaign);

        assertThat(scene.reviewTask(scene.group).getAssignee()).isEqualTo(scene.coord.userId());
        assertThat(scene.reviewTask(groupB).getAssignee()).isEqualTo(scene.coordB.userId());
        assertThat(scene.reviewTask(orphan).getAssignee()).as("no active coordinator: the MCS administrators").isNull();
        assertThat(taskService.createTaskQuery().taskId(scene.reviewTask(orphan).getId())
                .taskCandidateGroup(Role.MCS_ADMIN.groupId(scene.clinic.facilityId)).count()).isEqualTo(1);
        String options = taskService.getVariable(scene.reviewTask(scene.group).getId(), "memberOptions").toString();
        assertThat(options).contains(scene.nurse1.name(), scene.station.facilityId.isEmpty() ? "" : "看護師", "これまで確認されていません",
                "最終ログイン なし ⚠90日以上ログインなし")
                .doesNotContain("\"" + scene.membershipOf(scene.group, scene.coord) + "\"");

        scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1), scene.membershipOf(scene.group, scene.nurse2)), null, Map.of());
        scene.decide(groupB, scene.coordB.userId(), List.of(scene.membershipOf(groupB, scene.nurse1)), null, Map.of());
        scene.decide(orphan, scene.admin, List.of(scene.membershipOf(orphan, scene.nurse2)), null, Map.of());
        runAllJobs(campaign);

        assertThat(campaign).isEnded();
        var report = reports.campaign(scene.campaignId(campaign)).orElseThrow();
        assertThat(report.campaign().status()).isEqualTo("CLOSED");
        assertThat(report.totals().groups()).isEqualTo(3);
        assertThat(report.totals().decided()).isEqualTo(3);
        assertThat(report.totals().kept()).isEqualTo(4);
        assertThat(report.totals().removed()).isZero();
        assertThat(groups.currentMembers(scene.group.id())).hasSize(3);

        ProcessInstance next = scene.campaign();
        assertThat(taskService.getVariable(scene.reviewTask(scene.group).getId(), "memberOptions").toString())
                .contains("前回: 継続").doesNotContain("これまで確認されていません");
        runtimeService.deleteProcessInstance(next.getId(), "test");
    }

    @Test
    @DisplayName("N1-3: a member removed with a justification ends through membership-removal; report and history for the office")
    void removeSome() {
        ProcessInstance campaign = scene.campaign();
        long keep = scene.membershipOf(scene.group, scene.nurse1);
        long remove = scene.membershipOf(scene.group, scene.nurse2);
        assertThatThrownBy(() -> scene.decide(scene.group, scene.coord.userId(), List.of(keep), null, Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("判断の理由");
        assertThatThrownBy(() -> scene.decide(scene.group, scene.coord.userId(), List.of(keep, 999_999_999L), "理由", Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("一覧から");
        scene.decide(scene.group, scene.coord.userId(), List.of(keep), "担当を外れた", Map.of());
        runAllJobs(campaign);
        confirmRemovals(campaign);
        runAllJobs(campaign);

        assertThat(campaign).isEnded();
        assertThat(groups.currentMembers(scene.group.id())).extracting(m -> m.staffId()).containsExactlyInAnyOrder(scene.coord.id(), scene.nurse1.id());
        var ended = groups.membership(remove).orElseThrow();
        assertThat(ended.closeReason()).contains("定期見直し", "担当を外れた");
        assertThat(ended.closedBy()).isEqualTo(scene.coord.userId());

        long id = scene.campaignId(campaign);
        as(scene.office);
        var report = controller.campaign(id);
        assertThat(report.totals().removed()).isEqualTo(1);
        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.decidedBy()).isEqualTo(scene.coord.userId());
            assertThat(g.kept()).isEqualTo(1);
        });
        assertThat(controller.history(null, null, scene.clinic.facilityId, "REMOVE")).singleElement()
                .satisfies(d -> assertThat(d.userId()).isEqualTo(scene.nurse2.userId()));
        String csv = new String(controller.historyCsv(null, null, scene.clinic.facilityId, null).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains(scene.nurse1.userId(), scene.nurse2.userId(), "REMOVE", "KEEP");
        assertThat(new String(controller.campaignCsv(id).getBody(), StandardCharsets.UTF_8)).contains("見直し 1");
        as(scene.coord.userId());
        assertThatThrownBy(() -> controller.campaign(id)).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("403");
    }

    @Test
    @DisplayName("N1-3: reminders halfway and before the deadline, escalation to the MCS administrator, the default at the deadline")
    void remindedEscalatedDefault() {
        ProcessInstance campaign = scene.campaign();
        String groupInstance = scene.reviewTask(scene.group).getProcessInstanceId();
        scene.daysLater(campaign, 11);
        assertThat(runtimeService.getVariable(groupInstance, "remindedAt")).as("halfway").isNotNull();
        scene.daysLater(campaign, 4);
        var escalated = scene.reviewTask(scene.group);
        assertThat(escalated.getTaskDefinitionKey()).isEqualTo("UserTask_Escalated");
        assertThat(taskService.createTaskQuery().taskId(escalated.getId())
                .taskCandidateGroup(Role.MCS_ADMIN.groupId(scene.clinic.facilityId)).count()).isEqualTo(1);
        Object firstReminder = runtimeService.getVariable(groupInstance, "remindedAt");
        scene.daysLater(campaign, 5);
        assertThat(runtimeService.getVariable(groupInstance, "remindedAt")).as("2 days before").isNotEqualTo(firstReminder);
        scene.daysLater(campaign, 2);

        assertThat(campaign).isEnded();
        long id = scene.campaignId(campaign);
        assertThat(scene.reviewStatus(id, scene.group)).isEqualTo("DEFAULT");
        assertThat(groups.currentMembers(scene.group.id())).as("default: no change").hasSize(3);
        assertThat(reports.campaign(id).orElseThrow().groups()).singleElement()
                .satisfies(g -> assertThat(g.justification()).contains("無回答"));
    }

    @Test
    @DisplayName("N1-3: after the escalation the MCS administrator decides")
    void escalatedAdministratorDecides() {
        ProcessInstance campaign = scene.campaign();
        scene.daysLater(campaign, 15);
        scene.decide(scene.group, scene.admin, List.of(scene.membershipOf(scene.group, scene.nurse1)), "退職のため", Map.of());
        runAllJobs(campaign);
        confirmRemovals(campaign);
        runAllJobs(campaign);
        assertThat(campaign).isEnded();
        assertThat(groups.currentMembers(scene.group.id())).hasSize(2);
    }

    @Test
    @DisplayName("N1-3: a member who left before the decision is recorded as left, nothing is removed twice")
    void memberLeftBeforeDecision() {
        ProcessInstance campaign = scene.campaign();
        long left = scene.membershipOf(scene.group, scene.nurse2);
        groups.closeMembership(left, "test", "退職（職員の登録削除）", "offboarding");
        scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1)), "退職済み", Map.of());
        runAllJobs(campaign);
        assertThat(tasks(campaign, "Task_ConfirmMcsAction")).isEmpty();
        assertThat(campaign).isEnded();
        assertThat(controller(scene.office).history(null, null, scene.clinic.facilityId, "LEFT")).singleElement()
                .satisfies(d -> assertThat(d.userId()).isEqualTo(scene.nurse2.userId()));
    }

    @Test
    @DisplayName("N1-3: only the office or an MCS administrator opens a campaign; the administrator only for their facility")
    void whoOpens() {
        assertThatThrownBy(() -> start(scene.coord.userId(), "membership-review", Map.of()))
                .hasMessageContaining("membership-review");
        ProcessInstance campaign = start(scene.admin, "membership-review", Map.of("facilityIds", scene.clinicB.facilityId));
        runAllJobs(campaign);
        assertThat(scene.reviewTask(scene.group)).as("own facility, whatever was asked").isNotNull();
        runtimeService.deleteProcessInstance(campaign.getId(), "test");
    }

    @Test
    @DisplayName("N1-3: the cycle timer opens a campaign for every facility and schedules the next")
    void cycleTimer() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("membership-review-cycle").latestVersion().singleResult();
        var job = engine.getManagementService().createJobQuery().processDefinitionId(definition.getId()).timers()
                .singleResult();
        engine.getManagementService().executeJob(job.getId());
        var opened = runtimeService.createProcessInstanceQuery().processDefinitionKey("membership-review").list();
        assertThat(opened).isNotEmpty();
        opened.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test of the cycle timer"));
        var next = engine.getManagementService().createJobQuery().processDefinitionId(definition.getId()).timers()
                .singleResult();
        // a calendar rule (1 January, April, July, October): the next quarter's date, whenever the timer fired
        assertThat(next.getDuedate()).isInTheFuture()
                .isEqualTo(Schedules.next(schedules.getReviewCycle()));
    }

    private ReviewController controller(String user) {
        as(user);
        return controller;
    }
}
