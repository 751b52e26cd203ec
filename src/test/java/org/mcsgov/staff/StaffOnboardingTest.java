package org.mcsgov.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mcsgov.invitation.InvitationFixture.request;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.PledgeRegister.Status;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.invitation.InvitationFixture;
import org.mcsgov.invitation.InvitationService;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("staff-onboarding: pending registration, pledge, profile, activation (A8-5, A9-1, N3-5, A11-2)")
class StaffOnboardingTest extends ProcessTestSupport {

    @Autowired InvitationService invitations;
    private InvitationFixture scene;

    @BeforeEach
    void clinicAndStation() {
        scene = InvitationFixture.clinicAndStation(this);
    }

    static final String PASSWORD = "start2026x";

    @Autowired PledgeRegister pledges;
    @Autowired JdbcClient jdbc;

    private String userId(String suffix) {
        return scene.station.user(suffix);
    }

    private ProcessInstance register(String suffix) {
        Map<String, Object> form = new HashMap<>(Map.of("staffUserId", userId(suffix), "staffName", "佐藤 花子",
                "staffKana", "サトウ ハナコ", "profession", "看護師", "staffEmail", userId(suffix) + "@example.jp"));
        form.put("roleCoordinator", true);
        return start(scene.stationAdmin, "staff-onboarding", form);
    }

    private void sign(ProcessInstance instance) {
        complete(instance, scene.stationAdmin, Map.of("pledgeDecision", "signed", "signerName", "佐藤　花子"));
    }

    private void profile(ProcessInstance instance, String password) {
        complete(instance, scene.stationAdmin, Map.of("displayName", "佐藤 花子（看護師）", "profession", "看護師",
                "photoRef", "写真-001", "initialPassword", password));
    }

    private Staff staff(String suffix) {
        return directory.staffByUserId(userId(suffix)).orElseThrow();
    }

    private boolean canLogIn(String suffix, String password) {
        return identityService.checkPassword(userId(suffix), password);
    }

    @Test
    @DisplayName("A8-5, A9-1, N3-5: registered pending (no login), pledge signed, profile, then active; waiting invitations go on")
    void signedAndActivated() {
        ProcessInstance invitation = scene.inviteByEmail(scene.group, userId("hanako") + "@example.jp");
        assertThat(invitation).isWaitingAt("EventGateway_Registration");

        ProcessInstance instance = register("hanako");
        assertThat(instance).isWaitingAt("UserTask_SignPledge");
        assertThat(staff("hanako").status()).isEqualTo("PENDING");
        assertThat(identityService.createUserQuery().userId(userId("hanako")).count()).isZero();
        assertThat(singleTask(instance, scene.stationAdmin).getAssignee()).isEqualTo(scene.stationAdmin);

        sign(instance);
        assertThat(instance).isWaitingAt("UserTask_Profile");
        assertThat(staff("hanako").status()).isEqualTo("PENDING");
        profile(instance, PASSWORD);

        assertThat(instance).isEnded().hasPassed("Task_Activate", "EndEvent_Active");
        Staff active = staff("hanako");
        assertThat(active.isActive()).isTrue();
        assertThat(canLogIn("hanako", PASSWORD)).isTrue();
        assertThat(directory.activeRoles(active.id())).containsExactlyInAnyOrder(Role.STAFF, Role.COORDINATOR);
        assertThat(jdbc.sql("SELECT password_must_change FROM staff WHERE id = ?").param(active.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT display_name FROM staff WHERE id = ?").param(active.id())
                .query(String.class).single()).isEqualTo("佐藤 花子（看護師）");
        assertThat(pledges.latest(active.email())).contains(Status.SIGNED);
        // A11-1: the typed initial password is kept nowhere, history included
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("initialPassword").count()).isZero();
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId())
                .variableUpdates().list()).noneMatch(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                .getVariableName().equals("initialPassword"));
        runJobs(invitation);
        assertThat(scene.invitation(invitation).state()).isEqualTo("WAITING_ADMIN");
    }

    @Test
    @DisplayName("A9-1: a refused pledge ends without an account; the registration is closed, its history kept")
    void pledgeRefused() {
        ProcessInstance instance = register("refuser");
        complete(instance, scene.stationAdmin, Map.of("pledgeDecision", "refused"));
        assertThat(instance).isEnded().hasPassed("Task_CloseRefused", "EndEvent_Refused");
        assertThat(staff("refuser").status()).isEqualTo("CLOSED");
        assertThat(identityService.createUserQuery().userId(userId("refuser")).count()).isZero();
        assertThat(pledges.latest(userId("refuser") + "@example.jp")).contains(Status.REFUSED);
    }

    @Test
    @DisplayName("A8-5: a pending registration that never completes is closed at the deadline, without an account")
    void neverCompletes() {
        ProcessInstance instance = register("late");
        sign(instance);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(31))));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("Task_CloseExpired", "EndEvent_Expired");
        assertThat(staff("late").status()).isEqualTo("CLOSED");
        assertThat(identityService.createUserQuery().userId(userId("late")).count()).isZero();
    }

    /** A person of the clinic with a signed pledge who then left for the station (a mover). */
    private String moverWithPledge(String suffix) {
        Staff before = scene.clinic.person(suffix);
        pledges.record(before, Status.SIGNED, "test", null);
        directory.markLeft(before.id(), scene.station.facilityId);
        return before.email();
    }

    private ProcessInstance registerMover(String suffix, String email) {
        return start(scene.stationAdmin, "staff-onboarding", Map.of("staffUserId", userId(suffix), "staffName", "佐藤 花子",
                "staffKana", "サトウ ハナコ", "profession", "看護師", "staffEmail", email));
    }

    @Test
    @DisplayName("A9-1: a pledge on record, confirmed by the administrator, skips signing; the mover's entries are linked")
    void pledgeOnRecordConfirmed() {
        String email = moverWithPledge("mover");
        ProcessInstance instance = registerMover("mover2", email);
        assertThat(instance).isWaitingAt("UserTask_ConfirmPledgeOnRecord");
        complete(instance, scene.stationAdmin, Map.of("onRecordDecision", "confirmed"));
        assertThat(instance).isWaitingAt("UserTask_Profile");
        profile(instance, PASSWORD);
        assertThat(instance).isEnded().hasNotPassed("UserTask_SignPledge");
        Staff moved = staff("mover2");
        assertThat(pledges.latest(email)).contains(Status.ON_RECORD);
        assertThat(jdbc.sql("SELECT previous_staff_id FROM staff WHERE id = ?").param(moved.id()).query(Long.class)
                .single()).isEqualTo(directory.staffByUserId(scene.clinic.user("mover")).orElseThrow().id());
    }

    @Test
    @DisplayName("A9-1: the administrator may have a pledge on record signed again")
    void pledgeOnRecordSignedAgain() {
        ProcessInstance instance = registerMover("again2", moverWithPledge("again"));
        complete(instance, scene.stationAdmin, Map.of("onRecordDecision", "signAgain"));
        assertThat(instance).isWaitingAt("UserTask_SignPledge");
        sign(instance);
        profile(instance, PASSWORD);
        assertThat(instance).isEnded().hasPassed("UserTask_SignPledge", "EndEvent_Active");
    }

    @Test
    @DisplayName("bad input: only an MCS administrator, one account per e-mail, the signature, a strong password")
    void badInput() {
        assertThatThrownBy(() -> start(scene.nurse.userId(), "staff-onboarding", Map.of("staffUserId", userId("x"))))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> start(scene.stationAdmin, "staff-onboarding", Map.of("staffUserId", userId("dup"),
                "staffName", "重複", "staffKana", "チョウフク", "profession", "看護師", "staffEmail", scene.nurse.email())))
                .isInstanceOf(UserError.class).hasMessageContaining("A11-2");
        assertThat(directory.staffByUserId(userId("dup"))).isEmpty();

        ProcessInstance instance = register("checks");
        assertThatThrownBy(() -> complete(instance, scene.stationAdmin, Map.of("pledgeDecision", "signed",
                "signerName", "別人")))
                .isInstanceOf(UserError.class).hasMessageContaining("署名");
        assertThatThrownBy(() -> complete(instance, scene.stationAdmin, Map.of("pledgeDecision", "maybe")))
                .isInstanceOf(UserError.class);
        sign(instance);
        assertThatThrownBy(() -> profile(instance, "weakpass")).isInstanceOf(UserError.class)
                .hasMessageContaining("A11-3");
        assertThat(instance).isWaitingAt("UserTask_Profile");
        assertThat(staff("checks").status()).isEqualTo("PENDING");
        assertThatThrownBy(() -> complete(instance, scene.stationAdmin, Map.of("profession", "看護師",
                "initialPassword", PASSWORD))).isInstanceOf(UserError.class).hasMessageContaining("表示名");
    }

    @Test
    @DisplayName("A9-1: where a facility keeps pledges in the register, an invitee without a signed pledge is refused")
    void invitationNeedsPledge() {
        ProcessInstance onboarding = register("signed");
        sign(onboarding);
        profile(onboarding, PASSWORD);

        ProcessInstance refused = start(scene.coord, "group-invitation", Map.of());
        assertThatThrownBy(() -> complete(refused, scene.coord, request(scene.group, scene.nurse)))
                .isInstanceOf(UserError.class).hasMessageContaining("誓約書");
        ProcessInstance invited = start(scene.coord, "group-invitation", Map.of());
        complete(invited, scene.coord, request(scene.group, staff("signed")));
        assertThat(scene.invitation(invited).state()).isEqualTo("WAITING_ADMIN");
    }
}
