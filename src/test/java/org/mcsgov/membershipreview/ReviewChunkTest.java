package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.group.Group;

/**
 * A chunk's groups (mcs.review.chunk-size) open in one job and one transaction (issue 17: one job per group made the
 * embedded database commit five times per group). The price is that one group that cannot be opened holds back its
 * chunk: this test shows that it holds it back whole, as an incident in Cockpit, and that Retry opens every group.
 */
@DisplayName("membership-review-chunk: a chunk's groups open together or not at all (N1-3, issue 17)")
class ReviewChunkTest extends ProcessTestSupport {

    private static final String GROUPS_JOB = "CallActivity_Groups#multiInstanceBody";

    @Test
    @DisplayName("N1-3: a group that cannot be opened: no group of its chunk half-open, an incident, Retry opens them all")
    void chunkOpensTogetherOrNotAtAll() {
        ReviewFixture scene = ReviewFixture.twoClinics(this);
        Group second = scene.group(scene.clinic, scene.coord, "見直し 2", scene.nurse1);
        ProcessInstance campaign = start(scene.admin, "membership-review", Map.of());
        ManagementService management = engine.getManagementService();
        Job opening = groupsJob(campaign);
        String chunk = opening.getProcessInstanceId();
        String reviewIds = (String) runtimeService.getVariable(chunk, "reviewIds");
        assertThat(reviewIds.split(",")).as("both groups in one chunk").hasSize(2);

        // a review the register does not hold: its group cannot be opened (as a row removed in between would)
        runtimeService.setVariable(chunk, "reviewIds", reviewIds + ",999999999");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(opening.getId())).isInstanceOf(RuntimeException.class);
        }

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("membership-review-group")
                .rootProcessInstanceId(campaign.getId()).count()).as("no group of the chunk opened").isZero();
        assertThat(scene.reviewTask(scene.group)).isNull();
        assertThat(management.createJobQuery().jobId(opening.getId()).singleResult().getRetries()).isZero();
        var incident = runtimeService.createIncidentQuery().configuration(opening.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(GROUPS_JOB);

        // the cause settled, 「Retry」 in Cockpit: every group of the chunk opens
        runtimeService.setVariable(chunk, "reviewIds", reviewIds);
        management.setJobRetries(opening.getId(), 1);
        management.executeJob(opening.getId()); // its due date is the failed retry's: Retry in Cockpit runs it now
        runAllJobs(campaign);
        assertThat(scene.reviewTask(scene.group).getAssignee()).isEqualTo(scene.coord.userId());
        assertThat(scene.reviewTask(second).getAssignee()).isEqualTo(scene.coord.userId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(chunk).count()).isZero();
    }

    /** Runs the campaign's jobs until the chunk's job that opens its groups is the one waiting. */
    private Job groupsJob(ProcessInstance campaign) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 10; round++) {
            var waiting = management.createJobQuery().activityId(GROUPS_JOB).list().stream()
                    .filter(j -> campaign.getId().equals(j.getRootProcessInstanceId())).findFirst();
            if (waiting.isPresent()) {
                return waiting.get();
            }
            jobs(campaign).forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("no job opens the chunk's groups");
    }
}
