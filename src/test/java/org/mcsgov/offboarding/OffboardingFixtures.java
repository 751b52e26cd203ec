package org.mcsgov.offboarding;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.springframework.beans.factory.annotation.Autowired;

/** A clinic with an administrator, a coordinator and a leaver, and helpers to drive a whole offboarding tree. */
public abstract class OffboardingFixtures extends ProcessTestSupport {

    /** Memberships of a person (parameter) closed, each by exactly one REMOVE decision and no NOOP. */
    static final String MEMBERSHIPS_CLOSED_ONCE = """
            SELECT COUNT(*) FROM membership m WHERE m.staff_id = ? AND m.valid_to IS NOT NULL
                AND (SELECT COUNT(*) FROM decision_log d WHERE d.subject_type = 'MEMBERSHIP'
                     AND d.subject_id = m.id AND d.step = 'REMOVE') = 1
                AND NOT EXISTS (SELECT 1 FROM decision_log d WHERE d.subject_type = 'MEMBERSHIP'
                     AND d.subject_id = m.id AND d.step = 'NOOP')""";

    @Autowired protected GroupService groups;

    protected Fixture clinic;
    protected String admin;
    protected Staff coord;
    protected Staff leaver;

    @BeforeEach
    void clinicWithLeaver() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        coord = clinic.person("coord", Role.COORDINATOR);
        leaver = clinic.person("leaver", Role.COORDINATOR);
    }

    /** An active free group of the clinic coordinated by the given person (created directly in the register). */
    protected Group group(Staff coordinator, String name) {
        return group(groups, clinic.facilityId, coordinator, name);
    }

    static Group group(GroupService groups, String facilityId, Staff coordinator, String name) {
        Group group = groups.requestFreeGroup(facilityId, coordinator.id(), name, "連絡用", "test", "fixture");
        groups.activate(group.id(), "test", "fixture");
        return group;
    }

    /** The leaver becomes a member of n groups coordinated by coord. */
    protected void memberOf(int n) {
        memberOf(groups, clinic.facilityId, coord, leaver, n);
    }

    static void memberOf(GroupService groups, String facilityId, Staff coordinator, Staff member, int n) {
        for (int i = 0; i < n; i++) {
            groups.openMembership(group(groups, facilityId, coordinator, "連絡 " + i).id(), member.id(), "MEMBER",
                    "test", "test", null, "fixture");
        }
    }

    protected ProcessInstance offboard(String mcsExit) {
        Map<String, Object> form = new HashMap<>(Map.of("leaverUserId", leaver.userId(),
                "offboardingReason", "2026年11月末で退職", "mcsExit", mcsExit));
        return start(admin, "staff-offboarding", form);
    }

    /** From the removals to the end: pledge acknowledged, MCS release confirmed by the administrator. */
    protected void finish(ProcessInstance instance) {
        runAllJobs(instance);
        confirmRemovals(instance);
        runAllJobs(instance);
        complete(instance, admin, Map.of("acknowledgedBy", "admin", "pledgeAcknowledged", true));
        runAllJobs(instance);
        complete(instance, admin, Map.of("mcsOutcome", "done"));
    }
}
