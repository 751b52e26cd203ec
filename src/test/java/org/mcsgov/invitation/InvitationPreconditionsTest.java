package org.mcsgov.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.invitation.InvitationFixture.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.Role;
import org.mcsgov.group.GroupFixture;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("group-invitation: preconditions, each refused with its reason (N1-2, A5-2, A6, N2-1)")
class InvitationPreconditionsTest extends ProcessTestSupport {

    @Autowired GroupService groups;
    private InvitationFixture scene;

    @BeforeEach
    void clinicAndStation() {
        scene = InvitationFixture.clinicAndStation(this);
    }

    @Autowired JdbcClient jdbc;

    private void refused(org.mcsgov.group.Group target, org.mcsgov.directory.Staff invitee, String expected) {
        refused(target, invitee, expected, () -> { });
    }

    /**
     * The register changes while the request form is open (the options were offered before): the step's own check
     * refuses. A thing never offered is refused earlier, by the input gate.
     */
    private void refused(org.mcsgov.group.Group target, org.mcsgov.directory.Staff invitee, String expected,
            Runnable whileFormOpen) {
        ProcessInstance instance = start(scene.coord, "group-invitation", Map.of());
        whileFormOpen.run();
        assertThatThrownBy(() -> complete(instance, scene.coord, request(target, invitee)))
                .isInstanceOf(UserError.class).hasMessageContaining(expected);
        assertThat(instance).isWaitingAt("UserTask_Request");
    }

    @Test
    @DisplayName("N1-2: the invitee's facility does not use MCS as a facility")
    void facilityWithoutMcs() {
        directory.createFacility(new Facility(scene.station.facilityId + "x", "MCS未導入の薬局", FacilityKind.PHARMACY, false));
        var person = directory.registerStaff(new NewStaff(scene.station.facilityId + "x", scene.station.facilityId + "x-p", "未導入 太郎",
                "ミドウニュウ", "薬剤師", scene.station.facilityId + "x-p@example.jp", "abcd1234", Set.of(Role.MCS_ADMIN)),
                "test", null);
        refused(scene.group, person, "選択肢にない"); // a facility without MCS is not offered (input gate)
    }

    @Test
    @DisplayName("N1-2: the invitee's facility has no active MCS administrator")
    void facilityWithoutAdministrator() {
        Fixture pharmacy = Fixture.facility(directory, FacilityKind.PHARMACY);
        refused(scene.group, pharmacy.person("pharm"), "MCS管理者");
    }

    @Test
    @DisplayName("N1-2: the invitee's facility is enrolled but not active yet (manager or MCS administrator missing)")
    void facilityNotActive() {
        refused(scene.group, scene.nurse, "利用開始前", () -> jdbc.sql("UPDATE facility SET status = 'APPROVED' WHERE id = ?")
                .param(scene.nurse.facilityId()).update());
    }

    @Test
    @DisplayName("the invitee's account is not active (suspended, locked or left)")
    void inactiveInvitee() {
        refused(scene.group, scene.nurse, "有効ではありません",
                () -> jdbc.sql("UPDATE staff SET status = 'SUSPENDED' WHERE id = ?").param(scene.nurse.id()).update());
    }

    @Test
    @DisplayName("already a member, or already invited")
    void memberOrInvitedAlready() {
        ProcessInstance first = scene.invite(scene.group, scene.nurse);
        refused(scene.group, scene.nurse, "既にこのグループに招待");
        decide(first, scene.stationAdmin, "approve", null);
        complete(first, scene.nurse.userId(), Map.of("inviteeDecision", "accept"));
        runJobs(first);
        complete(first, scene.coord, Map.of("mcsOutcome", "done"));
        refused(scene.group, scene.nurse, "既にこのグループのメンバー");
    }

    @Test
    @DisplayName("A5-2: only the group's originating facility invites")
    void otherFacilitysGroup() {
        Fixture otherClinic = Fixture.facility(directory, FacilityKind.CLINIC);
        String otherCoord = otherClinic.person("coord", Role.COORDINATOR).userId();
        var otherGroup = new GroupFixture(this, groups).activePatientGroup(otherCoord, false);
        refused(otherGroup, scene.nurse, "選択肢にない"); // never offered: the input gate refuses it
    }

    @Test
    @DisplayName("N2-1 / A6: an archived group, or a patient whose consent is withdrawn")
    void archivedOrWithoutConsent() {
        var second = new GroupFixture(this, groups).activePatientGroup(scene.coord, false);
        refused(scene.group, scene.nurse, "N2-1",
                () -> jdbc.sql("UPDATE patient_group SET status = 'ARCHIVED' WHERE id = ?").param(scene.group.id()).update());
        refused(second, scene.nurse, "A6", () -> jdbc.sql("UPDATE consent SET status = 'WITHDRAWN' WHERE patient_id = ?")
                .param(second.patientId()).update());
    }

    @Test
    @DisplayName("N2-1: a group moved to the archive by group-archive is read-only: no invitation")
    void archivedByGroupArchive() {
        new GroupFixture(this, groups).activePatientGroup(scene.coord, false); // the coordinator still has a group, so the request form opens
        refused(scene.group, scene.nurse, "N2-1",
                () -> groups.archive(scene.group.id(), org.mcsgov.group.ArchiveReason.CARE_ENDED, null, scene.coord, "test"));
    }

    @Test
    @DisplayName("bad input: no reason, no invitee, a malformed e-mail")
    void badInput() {
        ProcessInstance instance = start(scene.coord, "group-invitation", Map.of());
        var noReason = request(scene.group, scene.nurse);
        noReason.put("reason", " ");
        assertThatThrownBy(() -> complete(instance, scene.coord, noReason)).hasMessageContaining("参加が必要な理由");
        var nobody = request(scene.group, scene.nurse);
        nobody.remove("inviteeStaffId");
        assertThatThrownBy(() -> complete(instance, scene.coord, nobody)).hasMessageContaining("招待する人");
        nobody.put("inviteeEmail", "not-an-address");
        assertThatThrownBy(() -> complete(instance, scene.coord, nobody)).hasMessageContaining("メールアドレス");
    }

    @Test
    @DisplayName("a concurrent second invitation of the same person: exactly one goes on, the other gets a clear error")
    void concurrentSecondInvitation() throws Exception {
        ProcessInstance a = start(scene.coord, "group-invitation", Map.of());
        ProcessInstance b = start(scene.coord, "group-invitation", Map.of());
        var ready = new CountDownLatch(1);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (ProcessInstance instance : List.of(a, b)) {
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    ready.await();
                    complete(instance, scene.coord, request(scene.group, scene.nurse));
                    return "ok";
                } catch (UserError e) {
                    return e.getMessage();
                } catch (Exception e) {
                    return "unexpected " + e;
                }
            }));
        }
        ready.countDown();
        List<String> outcomes = results.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).containsOnlyOnce("ok");
        assertThat(outcomes).anySatisfy(o -> assertThat(o).contains("既にこのグループに招待"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE group_id = ? AND open_key IS NOT NULL")
                .param(scene.group.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unregistered invitee: the invitation waits for the registration (message on the e-mail), then goes on")
    void waitsForRegistration() {
        String email = scene.station.user("newcomer") + "@example.jp";
        ProcessInstance instance = scene.inviteByEmail(scene.group, email.toUpperCase());
        assertThat(scene.invitation(instance).state()).isEqualTo("WAITING_REGISTRATION");
        assertThat(instance).isWaitingAt("EventGateway_Registration");

        directory.registerStaff(new NewStaff(scene.station.facilityId, scene.station.user("newcomer"), "新人 看護師", "シンジン",
                "看護師", email, "abcd1234", Set.of()), "test", null);
        runJobs(instance);

        assertThat(scene.invitation(instance).state()).isEqualTo("WAITING_ADMIN");
        assertThat(visibleTasks(instance, scene.stationAdmin)).isEqualTo(1);
    }

    @Test
    @DisplayName("an unregistered invitee who never registers: the invitation expires")
    void registrationExpires() {
        ProcessInstance instance = scene.inviteByEmail(scene.group, "nobody-" + scene.station.facilityId + "@example.jp");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                new java.util.Date(System.currentTimeMillis() + 8L * 24 * 3600 * 1000));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Expired");
        assertThat(scene.invitation(instance).state()).isEqualTo("EXPIRED");
    }
}
