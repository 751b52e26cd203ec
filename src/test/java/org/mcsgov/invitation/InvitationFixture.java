package org.mcsgov.invitation;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mcsgov.EngineTestSupport;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupFixture;
import org.mcsgov.group.GroupService;

/**
 * A clinic with an active patient group, and a visiting-nurse station whose nurse is to be invited; drives
 * "group-invitation" through the test's engine.
 */
public final class InvitationFixture {

    public final Fixture clinic;
    public final Fixture station;
    public final String coord;
    public final String stationAdmin;
    public final String stationManager;
    public final Staff nurse;
    public final Group group;
    private final EngineTestSupport test;
    private final InvitationService invitations;

    private InvitationFixture(EngineTestSupport test, GroupService groups, InvitationService invitations) {
        this.test = test;
        this.invitations = invitations;
        clinic = Fixture.facility(test.directory(), FacilityKind.CLINIC);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        station = Fixture.facility(test.directory(), FacilityKind.VISITING_NURSE);
        stationAdmin = station.person("admin", Role.MCS_ADMIN).userId();
        stationManager = station.person("mgr", Role.MANAGER).userId();
        nurse = station.person("nurse");
        group = new GroupFixture(test, groups).activePatientGroup(coord, false);
    }

    public static InvitationFixture clinicAndStation(EngineTestSupport test) {
        return new InvitationFixture(test, test.bean(GroupService.class), test.bean(InvitationService.class));
    }

    public static Map<String, Object> request(Group group, Staff invitee) {
        return new HashMap<>(Map.of("groupId", String.valueOf(group.id()), "inviteeStaffId",
                String.valueOf(invitee.id()), "reason", "訪問看護で状態を共有するため", "requestAction", "submit"));
    }

    /** Starts the invitation and submits the request; the approval task is then waiting. */
    public ProcessInstance invite(Group group, Staff invitee) {
        ProcessInstance instance = test.start(coord, "group-invitation", Map.of());
        test.complete(instance, coord, request(group, invitee));
        test.runJobs(instance);
        return instance;
    }

    /** An invitation of a person not registered yet, by e-mail: it waits for the registration. */
    public ProcessInstance inviteByEmail(Group group, String email) {
        ProcessInstance instance = test.start(coord, "group-invitation", Map.of());
        var form = request(group, nurse);
        form.remove("inviteeStaffId");
        form.put("inviteeEmail", email);
        test.complete(instance, coord, form);
        return instance;
    }

    public long invitationId(ProcessInstance instance) {
        return Long.parseLong(test.engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey().substring("invitation:".length()));
    }

    public Invitation invitation(ProcessInstance instance) {
        return invitations.invitation(invitationId(instance)).orElseThrow();
    }
}
