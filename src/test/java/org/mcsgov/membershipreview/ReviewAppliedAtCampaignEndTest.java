package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@DisplayName("membership-review applied at the campaign's end, with removal of unconfirmed members as the default (N1-3)")
@TestPropertySource(properties = {"mcs.review.apply=CAMPAIGN_END", "mcs.review.default-decision=REMOVE_UNCONFIRMED",
        "mcs.review.default-removal-allowed=true"})
class ReviewAppliedAtCampaignEndTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private ReviewFixture scene;

    @BeforeEach
    void twoClinics() {
        scene = ReviewFixture.twoClinics(this);
    }

    @Test
    @DisplayName("decisions wait for the deadline; an unanswered group loses the members never confirmed")
    void appliedAtCampaignEnd() {
        Group silent = scene.group(scene.clinic, scene.coord, "見直し 無回答", scene.nurse1);
        ProcessInstance campaign = scene.campaign();
        long removed = scene.membershipOf(scene.group, scene.nurse2);
        scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1)), "担当外", Map.of());
        runAllJobs(campaign);
        assertThat(groups.membership(removed).orElseThrow().validTo()).as("not before the campaign ends").isNull();

        scene.daysLater(campaign, 22);
        confirmRemovals(campaign);
        runAllJobs(campaign);

        assertThat(campaign).isEnded();
        assertThat(groups.membership(removed).orElseThrow().validTo()).isNotNull();
        assertThat(groups.currentMembers(silent.id())).as("the never confirmed member removed by default")
                .extracting(m -> m.staffId()).containsExactly(scene.coord.id());
        assertThat(scene.reviewStatus(scene.campaignId(campaign), silent)).isEqualTo("DEFAULT");
    }
}
