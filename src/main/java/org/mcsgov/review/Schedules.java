package org.mcsgov.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Cycles and durations of the periodic duties (ISO-8601), read by the BPMN timers as `${schedules.x}`.
 * A timer start event has no process variables, but Camunda resolves Spring beans in its timeCycle when it
 * deploys the process (and whenever the definition is redeployed), so the cycle stays a property.
 */
@Component("schedules")
public class Schedules {

    private final String trainingCycle;
    private final String trainingRemindAfter;
    private final String trainingDeadline;
    private final String attestationCycle;
    private final String attestationRemindAfter;
    private final String attestationEscalateAfter;
    private final String reviewCycle;
    private final String reviewDeadline;
    private final String reviewEscalateAfter;
    private final String reviewRemindBefore;

    public Schedules(@Value("${mcs.training.cycle:R/P1Y}") String trainingCycle,
                     @Value("${mcs.training.remind-after:P60D}") String trainingRemindAfter,
                     @Value("${mcs.training.deadline:P90D}") String trainingDeadline,
                     @Value("${mcs.attestation.cycle:R/P2M}") String attestationCycle,
                     @Value("${mcs.attestation.remind-after:P7D}") String attestationRemindAfter,
                     @Value("${mcs.attestation.escalate-after:P14D}") String attestationEscalateAfter,
                     @Value("${mcs.review.cycle:R/P3M}") String reviewCycle,
                     @Value("${mcs.review.deadline:P21D}") String reviewDeadline,
                     @Value("${mcs.review.escalate-after:P14D}") String reviewEscalateAfter,
                     @Value("${mcs.review.remind-before:P2D}") String reviewRemindBefore) {
        this.trainingCycle = trainingCycle;
        this.trainingRemindAfter = trainingRemindAfter;
        this.trainingDeadline = trainingDeadline;
        this.attestationCycle = attestationCycle;
        this.attestationRemindAfter = attestationRemindAfter;
        this.attestationEscalateAfter = attestationEscalateAfter;
        this.reviewCycle = reviewCycle;
        this.reviewDeadline = reviewDeadline;
        this.reviewEscalateAfter = reviewEscalateAfter;
        this.reviewRemindBefore = reviewRemindBefore;
    }

    public String getTrainingCycle() {
        return trainingCycle;
    }

    public String getTrainingRemindAfter() {
        return trainingRemindAfter;
    }

    public String getTrainingDeadline() {
        return trainingDeadline;
    }

    public String getAttestationCycle() {
        return attestationCycle;
    }

    public String getAttestationRemindAfter() {
        return attestationRemindAfter;
    }

    public String getAttestationEscalateAfter() {
        return attestationEscalateAfter;
    }

    public String getReviewCycle() {
        return reviewCycle;
    }

    public String getReviewDeadline() {
        return reviewDeadline;
    }

    public String getReviewEscalateAfter() {
        return reviewEscalateAfter;
    }

    public String getReviewRemindBefore() {
        return reviewRemindBefore;
    }
}
