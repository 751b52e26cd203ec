package org.mcsgov.grouplife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.group.ArchiveReason;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.membershipreview.ReviewFixture;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("group-archive: a patient who no longer uses MCS goes to the archive (N2-1)")
class GroupArchiveTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    @Autowired JdbcClient jdbc;
    private ReviewFixture scene;

    @BeforeEach
    void twoClinics() {
        scene = ReviewFixture.twoClinics(this);
    }

    private Map<String, Object> form(String decision, String note) {
        return note == null ? Map.of("groupId", String.valueOf(scene.group.id()), "archiveReason", "MOVED", "archiveDecision", decision)
                : Map.of("groupId", String.valueOf(scene.group.id()), "archiveReason", "MOVED", "archiveDecision", decision,
                "archiveNote", note);
    }

    private void archived(ProcessInstance archive) {
        runAllJobs(archive);
        complete(archive, scene.admin, Map.of("mcsOutcome", "done"));
        assertThat(archive).isEnded();
        Group now = groups.group(scene.group.id()).orElseThrow();
        assertThat(now.status()).isEqualTo("ARCHIVED");
        assertThat(groups.currentMembers(scene.group.id())).isEmpty();
        assertThat(jdbc.sql("SELECT archive_reason FROM patient_group WHERE id = ?").param(scene.group.id())
                .query(String.class).single()).isNotNull();
    }

    @Test
    @DisplayName("N2-1: the MCS administrator archives: every membership closes, history stays, the group is read-only")
    void archivedByAdministrator() {
        ProcessInstance archive = start(scene.admin, "group-archive", Map.of());
        assertThatThrownBy(() -> complete(archive, scene.admin, Map.of("groupId", "999999999", "archiveReason", "MOVED",
                "archiveDecision", "archive"))).isInstanceOf(UserError.class).hasMessageContaining("選択肢にない");
        assertThatThrownBy(() -> complete(archive, scene.admin, Map.of("groupId", String.valueOf(scene.group.id()),
                "archiveReason", "BORED", "archiveDecision", "archive"))).isInstanceOf(UserError.class);
        complete(archive, scene.admin, form("archive", "転居先の病院へ"));
        archived(archive);
        assertThat(groups.membersOn(scene.group.id(), org.mcsgov.platform.EngineClock.today())).as("history").hasSize(3);
        assertThatThrownBy(() -> start(scene.admin, "group-archive", Map.of("groupId", scene.group.id())))
                .as("no unarchiving, no second archive").isInstanceOf(UserError.class);
    }

    @Test
    @DisplayName("N2-1: the administrator decides not to archive, with a reason")
    void kept() {
        ProcessInstance archive = start(scene.admin, "group-archive", Map.of());
        assertThatThrownBy(() -> complete(archive, scene.admin, form("keep", null)))
                .isInstanceOf(UserError.class).hasMessageContaining("保管しない理由");
        complete(archive, scene.admin, form("keep", "まだ訪問が続く"));
        assertThat(archive).isEnded();
        assertThat(groups.group(scene.group.id()).orElseThrow().isActive()).isTrue();
    }

    @Test
    @DisplayName("N2-1: proposed in a membership review, decided by the MCS administrator")
    void proposedByReview() {
        ProcessInstance campaign = scene.campaign();
        scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1), scene.membershipOf(scene.group, scene.nurse2)), null,
                Map.of("proposeArchive", true, "archiveReason", "CARE_ENDED"));
        runAllJobs(campaign);
        assertThat(campaign).isEnded();
        ProcessInstance archive = runtimeService.createProcessInstanceQuery().processDefinitionKey("group-archive")
                .processInstanceBusinessKey("group:" + scene.group.id()).singleResult();
        assertThat(runtimeService.getVariable(archive.getId(), "proposedBy")).isEqualTo(scene.coord.userId());
        complete(archive, scene.admin, Map.of("groupId", String.valueOf(scene.group.id()), "archiveReason", "CARE_ENDED",
                "archiveDecision", "archive"));
        archived(archive);
    }

    @Test
    @DisplayName("N2-1: a group archived while its review is open: the review ends, nothing left to decide")
    void archivedDuringReview() {
        ProcessInstance campaign = scene.campaign();
        ProcessInstance archive = start(scene.admin, "group-archive", Map.of());
        complete(archive, scene.admin, form("archive", null));
        archived(archive);
        assertThat(scene.reviewTask(scene.group)).isNull();
        runAllJobs(campaign);
        assertThat(campaign).isEnded();
        assertThat(scene.reviewStatus(scene.campaignId(campaign), scene.group)).isEqualTo("ARCHIVED");
    }

    @Test
    @DisplayName("N2-1: a group archived after the campaign opened but before its review: not reviewed")
    void archivedBeforeItsReview() {
        ProcessInstance campaign = start(scene.admin, "membership-review", Map.of());
        groups.archive(scene.group.id(), ArchiveReason.DECEASED, null, scene.admin, "test");
        runAllJobs(campaign);
        assertThat(scene.reviewTask(scene.group)).isNull();
        assertThat(campaign).isEnded();
    }
}
