package org.mcsgov.takeout;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.mcsgov.approval.ApprovalSubject;
import org.springframework.stereotype.Component;

/** A12-9: a take-out is applied for by its applicant and approved by the facility of the request (register row). */
@Component
class TakeoutApprovalSubject implements ApprovalSubject {

    private final TakeoutService takeouts;
    private final JdbcClient jdbc;

    TakeoutApprovalSubject(TakeoutService takeouts, JdbcClient jdbc) {
        this.takeouts = takeouts;
        this.jdbc = jdbc;
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

    /** The same applicant taking out the same device. */
    @Override
    public List<Long> earlier(long subjectId) {
        return jdbc.sql("""
                        SELECT e.id FROM takeout e JOIN takeout t ON t.id = ?
                        WHERE e.applicant_staff_id = t.applicant_staff_id AND e.device_id = t.device_id AND e.id < t.id
                        ORDER BY e.id""").param(subjectId).query(Long.class).list();
    }
}
