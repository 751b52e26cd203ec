package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.platform.Schedules;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;

@DisplayName("membership-review: campaigns, group by group (N1-3)")
class MembershipReviewTest extends ReviewFixtures {

    @Autowired ReviewController controller;
    @Autowired Schedules schedules;

    @Test
    @DisplayName("N1-3: a campaign over several facilities; each coordinator (or the MCS administrator) keeps all")
    void severalFacilitiesKeepAll() {
        Group groupB = group(clinicB, coordB, "見直し B", nurse1);
        Staff leavingCoord = clinic.person("coord2", Role.COORDINATOR);
        Group orphan = group(clinic, leavingCoord, "見直し 担当者なし", nurse2);
        directory.lock(leavingCoord.id());

        ProcessInstance campaign = start(office, "membership-review",
                Map.of("facilityIds", clinic.facilityId + "," + clinicB.facilityId));
        runAllJobs(campaign);

        assertThat(reviewTask(group).getAssignee()).isEqualTo(coord.userId());
        assertThat(reviewTask(groupB).getAssignee()).isEqualTo(coordB.userId());
        assertThat(reviewTask(orphan).getAssignee()).as("no active coordinator: the MCS administrators").isNull();
        assertThat(taskService.createTaskQuery().taskId(reviewTask(orphan).getId())
                .taskCandidateGroup(Role.MCS_ADMIN.groupId(clinic.facilityId)).count()).isEqualTo(1);
        String options = taskService.getVariable(reviewTask(group).getId(), "memberOptions").toString();
        assertThat(options).contains(nurse1.name(), station.facilityId.isEmpty() ? "" : "看護師", "これまで確認されていません",
                "最終ログイン なし ⚠90日以上ログインなし")
                .doesNotContain("\"" + membershipOf(group, coord) + "\"");

        decide(group, coord.userId(), List.of(membershipOf(group, nurse1), membershipOf(group, nurse2)), null, Map.of());
        decide(groupB, coordB.userId(), List.of(membershipOf(groupB, nurse1)), null, Map.of());
        decide(orphan, admin, List.of(membershipOf(orphan, nurse2)), null, Map.of());
        runAllJobs(campaign);

        assertThat(campaign).isEnded();
        var report = reports.campaign(campaignId(campaign)).orElseThrow();
        assertThat(report.campaign().status()).isEqualTo("CLOSED");
        assertThat(report.totals().groups()).isEqualTo(3);
        assertThat(report.totals().decided()).isEqualTo(3);
        assertThat(report.totals().kept()).isEqualTo(4);
        assertThat(report.totals().removed()).isZero();
        assertThat(groups.currentMembers(group.id())).hasSize(3);

        ProcessInstance next = campaign();
        assertThat(taskService.getVariable(reviewTask(group).getId(), "memberOptions").toString())
                .contains("前回: 継続").doesNotContain("これまで確認されていません");
        runtimeService.deleteProcessInstance(next.getId(), "test");
    }

    @Test
    @DisplayName("N1-3: a member removed with a justification ends through membership-removal; report and history for the office")
    void removeSome() {
        ProcessInstance campaign = campaign();
        long keep = membershipOf(group, nurse1);
        long remove = membershipOf(group, nurse2);
        assertThatThrownBy(() -> decide(group, coord.userId(), List.of(keep), null, Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("判断の理由");
        assertThatThrownBy(() -> decide(group, coord.userId(), List.of(keep, 999_999_999L), "理由", Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("一覧から");
        decide(group, coord.userId(), List.of(keep), "担当を外れた", Map.of());
        runAllJobs(campaign);
        confirmRemovals(campaign);
        runAllJobs(campaign);

        assertThat(campaign).isEnded();
        assertThat(groups.currentMembers(group.id())).extracting(m -> m.staffId()).containsExactlyInAnyOrder(coord.id(), nurse1.id());
        var ended = groups.membership(remove).orElseThrow();
        assertThat(ended.closeReason()).contains("定期見直し", "担当を外れた");
        assertThat(ended.closedBy()).isEqualTo(coord.userId());

        long id = campaignId(campaign);
        as(office);
        var report = controller.campaign(id);
        assertThat(report.totals().removed()).isEqualTo(1);
        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.decidedBy()).isEqualTo(coord.userId());
            assertThat(g.kept()).isEqualTo(1);
        });
        assertThat(controller.history(null, null, clinic.facilityId, "REMOVE")).singleElement()
                .satisfies(d -> assertThat(d.userId()).isEqualTo(nurse2.userId()));
        String csv = new String(controller.historyCsv(null, null, clinic.facilityId, null).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains(nurse1.userId(), nurse2.userId(), "REMOVE", "KEEP");
        assertThat(new String(controller.campaignCsv(id).getBody(), StandardCharsets.UTF_8)).contains("見直し 1");
        as(coord.userId());
        assertThatThrownBy(() -> controller.campaign(id)).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("403");
    }

    @Test
    @DisplayName("N1-3: reminders halfway and before the deadline, escalation to the MCS administrator, the default at the deadline")
    void remindedEscalatedDefault() {
        ProcessInstance campaign = campaign();
        String groupInstance = reviewTask(group).getProcessInstanceId();
        daysLater(campaign, 11);
        assertThat(runtimeService.getVariable(groupInstance, "remindedAt")).as("halfway").isNotNull();
        daysLater(campaign, 4);
        var escalated = reviewTask(group);
        assertThat(escalated.getTaskDefinitionKey()).isEqualTo("UserTask_Escalated");
        assertThat(taskService.createTaskQuery().taskId(escalated.getId())
                .taskCandidateGroup(Role.MCS_ADMIN.groupId(clinic.facilityId)).count()).isEqualTo(1);
        Object firstReminder = runtimeService.getVariable(groupInstance, "remindedAt");
        daysLater(campaign, 5);
        assertThat(runtimeService.getVariable(groupInstance, "remindedAt")).as("2 days before").isNotEqualTo(firstReminder);
        daysLater(campaign, 2);

        assertThat(campaign).isEnded();
        long id = campaignId(campaign);
        assertThat(reviewStatus(id, group)).isEqualTo("DEFAULT");
        assertThat(groups.currentMembers(group.id())).as("default: no change").hasSize(3);
        assertThat(reports.campaign(id).orElseThrow().groups()).singleElement()
                .satisfies(g -> assertThat(g.justification()).contains("無回答"));
    }

    @Test
    @DisplayName("N1-3: after the escalation the MCS administrator decides")
    void escalatedAdministratorDecides() {
        ProcessInstance campaign = campaign();
        daysLater(campaign, 15);
        decide(group, admin, List.of(membershipOf(group, nurse1)), "退職のため", Map.of());
        runAllJobs(campaign);
        confirmRemovals(campaign);
        runAllJobs(campaign);
        assertThat(campaign).isEnded();
        assertThat(groups.currentMembers(group.id())).hasSize(2);
    }

    @Test
    @DisplayName("N1-3: a member who left before the decision is recorded as left, nothing is removed twice")
    void memberLeftBeforeDecision() {
        ProcessInstance campaign = campaign();
        long left = membershipOf(group, nurse2);
        groups.closeMembership(left, "test", "退職（職員の登録削除）", "offboarding");
        decide(group, coord.userId(), List.of(membershipOf(group, nurse1)), "退職済み", Map.of());
        runAllJobs(campaign);
        assertThat(tasks(campaign, "Task_ConfirmMcsAction")).isEmpty();
        assertThat(campaign).isEnded();
        assertThat(controller(office).history(null, null, clinic.facilityId, "LEFT")).singleElement()
                .satisfies(d -> assertThat(d.userId()).isEqualTo(nurse2.userId()));
    }

    @Test
    @DisplayName("N1-3: only the office or an MCS administrator opens a campaign; the administrator only for their facility")
    void whoOpens() {
        assertThatThrownBy(() -> start(coord.userId(), "membership-review", Map.of()))
                .hasMessageContaining("membership-review");
        ProcessInstance campaign = start(admin, "membership-review", Map.of("facilityIds", clinicB.facilityId));
        runAllJobs(campaign);
        assertThat(reviewTask(group)).as("own facility, whatever was asked").isNotNull();
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
