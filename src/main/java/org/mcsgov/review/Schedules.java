package org.mcsgov.review;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.mcsgov.platform.EngineClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Cycles (calendar rules, cron) and durations (ISO-8601) of the periodic duties, read by the BPMN timers as
 * `${schedules.x}`. A timer start event has no process variables, but Camunda resolves Spring beans in its timeCycle
 * when it deploys the process (and whenever the definition is redeployed), so the cycle stays a property. Calendar
 * rules, because every release re-creates the timer start events: the next date of a cron rule does not depend on
 * when that happened (issue 13).
 */
@Component("schedules")
public class Schedules {

    private final String trainingCycle;
    private final String trainingRemindAfter;
    private final String trainingDeadline;
    private final String attestationCycle;
    private final String attestationRemindAfter;
    private final String attestationEscalateAfter;
    private final String attestationNextChangeWithin;
    private final String reviewCycle;
    private final String reviewDeadline;
    private final String reviewEscalateAfter;
    private final String reviewRemindBefore;
    private final String staffReconciliationCycle;

    public Schedules(@Value("${mcs.training.cycle:0 0 9 1 4 ?}") String trainingCycle,
                     @Value("${mcs.training.remind-after:P60D}") String trainingRemindAfter,
                     @Value("${mcs.training.deadline:P90D}") String trainingDeadline,
                     @Value("${mcs.attestation.cycle:0 0 9 1 1/2 ?}") String attestationCycle,
                     @Value("${mcs.attestation.remind-after:P7D}") String attestationRemindAfter,
                     @Value("${mcs.attestation.escalate-after:P14D}") String attestationEscalateAfter,
                     @Value("${mcs.attestation.next-change-within:P2M}") String attestationNextChangeWithin,
                     @Value("${mcs.review.cycle:0 0 9 1 1/3 ?}") String reviewCycle,
                     @Value("${mcs.review.deadline:P21D}") String reviewDeadline,
                     @Value("${mcs.review.escalate-after:P14D}") String reviewEscalateAfter,
                     @Value("${mcs.review.remind-before:P2D}") String reviewRemindBefore,
                     @Value("${mcs.staff-reconciliation.cycle:0 0 9 1 1/3 ?}") String staffReconciliationCycle) {
        this.trainingCycle = trainingCycle;
        this.trainingRemindAfter = trainingRemindAfter;
        this.trainingDeadline = trainingDeadline;
        this.attestationCycle = attestationCycle;
        this.attestationRemindAfter = attestationRemindAfter;
        this.attestationEscalateAfter = attestationEscalateAfter;
        this.attestationNextChangeWithin = attestationNextChangeWithin;
        this.reviewCycle = reviewCycle;
        this.reviewDeadline = reviewDeadline;
        this.reviewEscalateAfter = reviewEscalateAfter;
        this.reviewRemindBefore = reviewRemindBefore;
        this.staffReconciliationCycle = staffReconciliationCycle;
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

    public String getAttestationNextChangeWithin() {
        return attestationNextChangeWithin;
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

    public String getStaffReconciliationCycle() {
        return staffReconciliationCycle;
    }

    /** The next date of a cycle (a cron rule, or an ISO cycle counted from now), as the engine computes it. */
    public static Date next(String cycle) {
        return new org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar().resolveDuedate(cycle,
                Date.from(EngineClock.now()));
    }

    /** A campaign opened at {@code from} ends after mcs.review.deadline. */
    public Date reviewDeadlineFrom(Instant from) throws Exception {
        return new DurationHelper(reviewDeadline).getDateAfter(Date.from(from));
    }

    /** The reminder mcs.review.remind-before the deadline, or now when that moment has passed. */
    public Date reviewReminderBefore(Date deadline) throws Exception {
        Date now = Date.from(EngineClock.now());
        long length = new DurationHelper(reviewRemindBefore).getDateAfter(now).getTime() - now.getTime();
        return new Date(Math.max(now.getTime(), deadline.getTime() - length));
    }
}
