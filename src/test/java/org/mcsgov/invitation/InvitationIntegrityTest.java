package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.group.ArchiveReason;
import org.mcsgov.group.GroupService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13, integrity: no membership in a group that is not active, at whatever point the invitation is. */
@DisplayName("group-invitation integrity: archived groups, late registrations (N2-1, N1-2)")
class InvitationIntegrityTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private InvitationFixture scene;

    @BeforeEach
    void clinicAndStation() {
        scene = InvitationFixture.clinicAndStation(this);
    }

    @Autowired JdbcClient jdbc;

    private void archive() {
        groups.archive(scene.group.id(), ArchiveReason.CARE_ENDED, null, scene.clinic.user("admin"), "test");   // by the MCS administrator
    }

    private long notificationsOf(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ?").param(kind).query(Long.class).single();
    }

    @Test
    @DisplayName("defect: approved, accepted and being done in MCS when the group is archived: no membership, "
            + "the invitation ends with the reason, the undo is asked in MCS")
    void archivedDuringMcsStep() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        complete(instance, scene.nurse.userId(), Map.of("inviteeDecision", "accept"));
        runJobs(instance);
        assertThat(instance).isWaitingAt("CallActivity_InviteInMcs");

        archive();
        complete(instance, scene.coord, Map.of("mcsOutcome", "done"));

        assertThat(groups.group(scene.group.id()).orElseThrow().status()).isEqualTo("ARCHIVED");
        assertThat(groups.currentMembers(scene.group.id())).isEmpty();
        assertThat(scene.invitation(instance).state()).isEqualTo("CANCELLED");
        assertThat(scene.invitation(instance).closeReason()).contains("保管");
        runJobs(instance);
        assertThat(instance).isWaitingAt("CallActivity_UndoInviteInMcs");
        complete(instance, scene.coord, Map.of("mcsOutcome", "done"));
        assertThat(instance).isEnded().hasPassed("Gateway_MembershipOpened", "EndEvent_GroupClosed")
                .hasNotPassed("EndEvent_Member");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM membership WHERE group_id = ? AND staff_id = ?")
                .params(scene.group.id(), scene.nurse.id()).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("N2-1: archiving a group ends every open invitation into it, recorded, and the inviter is told")
    void archiveEndsOpenInvitations() {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        assertThat(instance).isWaitingAt("UserTask_InviteeDecision");
        long before = notificationsOf("NOTICE");

        archive();

        assertThat(instance).isEnded().hasPassed("Task_CloseCancelled");
        assertThat(scene.invitation(instance).state()).isEqualTo("CANCELLED");
        assertThat(scene.invitation(instance).closeReason()).contains("保管");
        assertThat(notificationsOf("NOTICE")).isEqualTo(before + 1);
        assertThat(groups.currentMembers(scene.group.id())).isEmpty();
    }

    @Test
    @DisplayName("A6, N2-1: the patient's consent withdrawn (consent-withdrawal archives the group): a person invited "
            + "by e-mail and still unregistered is no longer awaited")
    void consentWithdrawalEndsInvitations() {
        ProcessInstance instance = scene.inviteByEmail(scene.group, "later-" + scene.station.facilityId + "@example.jp");
        ProcessInstance withdrawal = start(scene.coord, "consent-withdrawal", Map.of());
        complete(withdrawal, scene.coord, Map.of("patientId", String.valueOf(scene.group.patientId()), "withdrawnBy", "patient",
                "withdrawerName", "本人", "withdrawalDate", "2026-11-20", "withdrawalReason", "転居"));
        runJobs(withdrawal);
        complete(withdrawal, scene.coord, Map.of("mcsOutcome", "done"));

        assertThat(withdrawal).isEnded();
        assertThat(instance).isEnded().hasPassed("Task_CloseCancelled", "Task_InformInviter");
        assertThat(scene.invitation(instance).state()).isEqualTo("CANCELLED");
        assertThat(scene.invitation(instance).closeReason()).contains("保管", "転居");
    }

    @Test
    @DisplayName("N2-1: the archive and the confirmation in MCS at the same moment: exactly one outcome, never a "
            + "membership in an archived group")
    void archiveAndApprovalAtOnce() throws Exception {
        ProcessInstance instance = scene.invite(scene.group, scene.nurse);
        decide(instance, scene.stationAdmin, "approve", null);
        complete(instance, scene.nurse.userId(), Map.of("inviteeDecision", "accept"));
        runJobs(instance);
        var confirmation = taskService.createTaskQuery().taskDefinitionKey("Task_ConfirmMcsAction").taskAssignee(scene.coord)
                .list().get(0);
        var ready = new java.util.concurrent.CountDownLatch(1);
        var archiving = java.util.concurrent.CompletableFuture.runAsync(() -> {
            await(ready);
            archive();
        });
        var confirming = java.util.concurrent.CompletableFuture.runAsync(() -> {
            await(ready);
            as(scene.coord);
            try {
                taskService.complete(confirmation.getId(), Map.of("mcsOutcome", "done"));
            } finally {
                identityService.clearAuthentication();
            }
        });
        ready.countDown();
        java.util.concurrent.CompletableFuture.allOf(archiving, confirming).join();

        assertThat(groups.group(scene.group.id()).orElseThrow().status()).isEqualTo("ARCHIVED");
        assertThat(groups.currentMembers(scene.group.id())).isEmpty();
        String state = scene.invitation(instance).state();
        assertThat(state).isIn("MEMBER", "CANCELLED");
        System.out.println("archive and confirmation at once: invitation " + state);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("defect: a person invited by e-mail registers in a facility without an MCS administrator: "
            + "N1-2 checked again, the invitation ends with the reason instead of asking anyone")
    void lateRegistrationCheckedAgainstN12() {
        Fixture noAdmin = Fixture.facility(directory, FacilityKind.PHARMACY);
        String email = noAdmin.user("newcomer") + "@example.jp";
        ProcessInstance instance = scene.inviteByEmail(scene.group, email);
        assertThat(scene.invitation(instance).state()).isEqualTo("WAITING_REGISTRATION");

        directory.registerStaff(new NewStaff(noAdmin.facilityId, noAdmin.user("newcomer"), "新人 薬剤師", "シンジン",
                "薬剤師", email, "abcd1234", Set.of()), "test", null);
        runJobs(instance);

        assertThat(scene.invitation(instance).state()).isEqualTo("REJECTED");
        assertThat(scene.invitation(instance).closeReason()).contains("N1-2");
        assertThat(instance).isEnded().hasPassed("Gateway_StillInvitable", "EndEvent_NotInvitable");
    }
}
