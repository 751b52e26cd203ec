package org.mcsgov.invitation;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.mcsgov.Fixture;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** A clinic with an active patient group, and a visiting-nurse station whose nurse is to be invited. */
public abstract class InvitationFixtures extends GroupFixtures {

    @Autowired protected InvitationService invitations;

    protected Fixture clinic;
    protected Fixture station;
    protected String coord;
    protected String stationAdmin;
    protected String stationManager;
    protected Staff nurse;
    protected Group group;

    @BeforeEach
    void clinicAndStation() {
        clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        coord = clinic.person("coord", Role.COORDINATOR).userId();
        station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        stationAdmin = station.person("admin", Role.MCS_ADMIN).userId();
        stationManager = station.person("mgr", Role.MANAGER).userId();
        nurse = station.person("nurse");
        group = activePatientGroup(coord, false);
    }

    protected static Map<String, Object> request(Group group, Staff invitee) {
        return new HashMap<>(Map.of("groupId", String.valueOf(group.id()), "inviteeStaffId",
                String.valueOf(invitee.id()), "reason", "訪問看護で状態を共有するため", "requestAction", "submit"));
    }

    /** Starts the invitation and submits the request; the approval task is then waiting. */
    protected ProcessInstance invite(Group group, Staff invitee) {
        ProcessInstance instance = start(coord, "group-invitation", Map.of());
        complete(instance, coord, request(group, invitee));
        runJobs(instance);
        return instance;
    }

    /** An invitation of a person not registered yet, by e-mail: it waits for the registration. */
    protected ProcessInstance inviteByEmail(Group group, String email) {
        ProcessInstance instance = start(coord, "group-invitation", Map.of());
        var form = request(group, nurse);
        form.remove("inviteeStaffId");
        form.put("inviteeEmail", email);
        complete(instance, coord, form);
        return instance;
    }

    protected long invitationId(ProcessInstance instance) {
        return Long.parseLong(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey().substring("invitation:".length()));
    }

    protected Invitation invitation(ProcessInstance instance) {
        return invitations.invitation(invitationId(instance)).orElseThrow();
    }
}
