package org.mcsgov.platform;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
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

    private final TrainingProperties training;
    private final AttestationProperties attestation;
    private final ReviewProperties review;
    private final StaffReconciliationProperties staffReconciliation;

    public Schedules(TrainingProperties training, AttestationProperties attestation, ReviewProperties review,
                     StaffReconciliationProperties staffReconciliation) {
        this.training = training;
        this.attestation = attestation;
        this.review = review;
        this.staffReconciliation = staffReconciliation;
    }

    public String getTrainingCycle() {
        return training.cycle();
    }

    public String getTrainingRemindAfter() {
        return training.remindAfter();
    }

    public String getTrainingDeadline() {
        return training.deadline();
    }

    public String getAttestationCycle() {
        return attestation.cycle();
    }

    public String getAttestationRemindAfter() {
        return attestation.remindAfter();
    }

    public String getAttestationEscalateAfter() {
        return attestation.escalateAfter();
    }

    public String getAttestationNextChangeWithin() {
        return attestation.nextChangeWithin();
    }

    public String getReviewCycle() {
        return review.cycle();
    }

    public String getReviewDeadline() {
        return review.deadline();
    }

    public String getReviewEscalateAfter() {
        return review.escalateAfter();
    }

    public String getReviewRemindBefore() {
        return review.remindBefore();
    }

    public String getStaffReconciliationCycle() {
        return staffReconciliation.cycle();
    }

    /** The next date of a cycle (a cron rule, or an ISO cycle counted from now), as the engine computes it. */
    public static Date next(String cycle) {
        return new org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar().resolveDuedate(cycle,
                Date.from(EngineClock.now()));
    }

    /** A campaign opened at {@code from} ends after mcs.review.deadline. */
    public Date reviewDeadlineFrom(Instant from) throws Exception {
        return new DurationHelper(review.deadline()).getDateAfter(Date.from(from));
    }

    /** The reminder mcs.review.remind-before the deadline, or now when that moment has passed. */
    public Date reviewReminderBefore(Date deadline) throws Exception {
        Date now = Date.from(EngineClock.now());
        long length = new DurationHelper(review.remindBefore()).getDateAfter(now).getTime() - now.getTime();
        return new Date(Math.max(now.getTime(), deadline.getTime() - length));
    }
}
