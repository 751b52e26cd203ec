package org.mcsgov.takeout;

import org.mcsgov.approval.ApprovalSubject;
import org.springframework.stereotype.Component;

/** A12-9: a take-out is applied for by its applicant and approved by the facility of the request (register row). */
@Component
class TakeoutApprovalSubject implements ApprovalSubject {

    private final TakeoutService takeouts;

    TakeoutApprovalSubject(TakeoutService takeouts) {
        this.takeouts = takeouts;
    }

    @Override
    public String type() {
        return TakeoutSteps.SUBJECT;
    }

    @Override
    public Parties parties(long subjectId) {
        Takeout takeout = takeouts.takeout(subjectId).orElseThrow();
        return new Parties(takeout.applicantUserId(), takeout.facilityId());
    }
}
