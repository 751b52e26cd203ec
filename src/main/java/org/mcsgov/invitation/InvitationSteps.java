package org.mcsgov.invitation;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.coordinator.StartingCoordinator;
import org.mcsgov.decision.DecisionLog.Step;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.invitation.Invitation.State;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.StepValues;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.mcsgov.membershipreview.Reconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "group-invitation" (A5-2, A8-4, N1-1, N1-2, N3-2): the originating facility invites, the invitee's own
 * MCS administrator approves, the invitee judges, the patient's side approves last where it takes part, the change
 * is made in MCS, and only then does the membership open.
 */
@Component
public class InvitationSteps {

    static final String SUBJECT = "INVITATION";
    private static final Logger log = LoggerFactory.getLogger(InvitationSteps.class);

    private final DirectoryService directory;
    private final GroupService groups;
    private final InvitationService invitations;
    private final DecisionLog decisions;
    private final InvitationProperties properties;
    private final InviteeChecks checks;
    private final InvitationOptions options;
    private final InvitationActors actors;
    private final Reconciliation reconciliation;
    private final InvitationRequests requests;

    public InvitationSteps(DirectoryService directory, GroupService groups, InviteeChecks checks,
                           InvitationService invitations, DecisionLog decisions, InvitationProperties properties,
                           InvitationOptions options, InvitationActors actors, Reconciliation reconciliation,
                           InvitationRequests requests) {
        this.reconciliation = reconciliation;
        this.requests = requests;
        this.checks = checks;
        this.options = options;
        this.actors = actors;
        this.directory = directory;
        this.groups = groups;
        this.invitations = invitations;
        this.decisions = decisions;
        this.properties = properties;
    }

    /** The request form's choices (InvitationOptions) and the timers' durations. */
    public JavaDelegate loadOptions() {
        return execution -> {
            options.load(execution, StartingCoordinator.of(directory, execution).facilityId());
            execution.setVariable("remindAfter", properties.remindAfter());
            execution.setVariable("expireAfter", properties.expireAfter());
        };
    }

    /** Every precondition, checked before anyone is asked; a refusal names its reason (and its article). */
    public JavaDelegate checkRequest() {
        return execution -> {
            Long invitationId = (Long) execution.getVariable("invitationId");
            boolean withdraw = "withdraw".equals(execution.getVariable("requestAction"));
            // read by the gateways that follow, in this transaction (StepValues)
            StepValues.forThisTransaction(execution, "withdrawn", withdraw);
            if (withdraw) {
                // also before a first submission: a request the checks keep refusing must not stay in マイタスク for ever
                execution.setVariable("closeReason", invitationId == null ? "申請前に取り下げ" : "申請者が取り下げ");
                return;
            }
            Staff coordinator = StartingCoordinator.of(directory, execution);
            Group group = requests.invitableGroup(execution, coordinator);
            String reason = Vars.text(execution, "reason", "参加が必要な理由", 1000);
            Staff invitee = requests.invitee(execution);
            String email = invitee != null ? invitee.email().toLowerCase() : InvitationRequests.unregisteredEmail(execution);
            if (invitee != null) {
                checks.requireInvitable(group, invitee);
            }
            State state = invitee == null ? State.WAITING_REGISTRATION : State.WAITING_ADMIN;
            long id = invitations.save(invitationId, group.id(), invitee == null ? null : invitee.id(), email, reason,
                    state, coordinator.userId(), execution.getProcessInstanceId());
            decisions.record(SUBJECT, id, invitationId == null ? Step.REQUEST : Step.RESUBMIT, reason,
                    coordinator.userId(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("invitation:" + id);
            execution.setVariable("invitationId", id);
            // the e-mail staff-onboarding correlates on, while it is awaited; the form's own inviteeEmail stays as
            // the person typed it
            if (invitee == null) {
                execution.setVariable("awaitedEmail", email);
            } else {
                execution.removeVariable("awaitedEmail");
            }
            StepValues.forThisTransaction(execution, "inviteeRegistered", invitee != null);
            StepValues.setIfChanged(execution, "patientTakesPart", group.patientTakesPart());
            // a comment of an earlier return is answered by this request (the decision log keeps it)
            execution.removeVariable("returnComment");
            if (invitee != null) {
                requests.prepareApproval(execution, group, invitee, reason);
            }
            options.clear(execution);
            log.info("[invitation:{}] {} into group {} requested by {}", id, email, group.id(), coordinator.userId());
        };
    }

    /**
     * The awaited person registered (staff-onboarding correlates "staff-registered" on the e-mail). Checked again as
     * at the request (N1-2: their facility may have no MCS administrator; N2-1: the group may be archived by now): a
     * refusal ends the invitation with its reason (stillInvitable=false) instead of asking anyone.
     */
    public JavaDelegate resolveInvitee() {
        return execution -> {
            long id = Vars.id(execution, "invitationId", "招待");
            Staff invitee = directory.staffByEmail((String) execution.getVariable("awaitedEmail")).orElseThrow();
            Invitation invitation = invitations.invitation(id).orElseThrow();
            Group group = groups.group(invitation.groupId()).orElseThrow();
            invitations.resolved(id, invitee.id());
            execution.setVariable("inviteeStaffId", String.valueOf(invitee.id()));
            try {
                checks.requireInvitableGroup(group);
                checks.requireInvitable(group, invitee);
            } catch (UserError refused) {
                StepValues.forThisTransaction(execution, "stillInvitable", false);
                execution.setVariable("closeReason", "登録後の確認で招待できません: " + refused.getMessage());
                return;
            }
            StepValues.forThisTransaction(execution, "stillInvitable", true);
            requests.prepareApproval(execution, group, invitee, invitation.reason());
        };
    }

    public JavaDelegate recordApproval() {
        return execution -> {
            long id = Vars.id(execution, "invitationId", "招待");
            switch ((String) execution.getVariable("approvalDecision")) {
                case "approve" -> invitations.approved(id, (String) execution.getVariable("approvalDecidedBy"));
                case "return" -> {
                    invitations.setState(id, State.RETURNED);
                    execution.setVariable("returnComment", execution.getVariable("approvalComment"));
                    options.load(execution, StartingCoordinator.of(directory, execution).facilityId());
                }
                default -> execution.setVariable("closeReason", execution.getVariable("approvalComment"));
            }
        };
    }

    /** N3-2: the invitee judges whether taking part is appropriate; declining needs a reason. */
    public JavaDelegate checkInviteeDecision() {
        return execution -> {
            long id = Vars.id(execution, "invitationId", "招待");
            String decision = Vars.choice(execution, "inviteeDecision", "参加の判断", "accept", "decline");
            String comment = Vars.optionalText(execution, "inviteeComment", "理由", 1000);
            String actor = actors.invitee(execution, invitations.invitation(id).orElseThrow());
            if ("decline".equals(decision)) {
                if (comment == null) {
                    throw new UserError("参加しない理由を入力してください", "a reason is required to decline");
                }
                execution.setVariable("closeReason", "招待された人が辞退: " + comment);
            } else {
                boolean patient = Boolean.TRUE.equals(execution.getVariable("patientTakesPart"));
                invitations.accepted(id, actor, patient ? State.WAITING_PATIENT : State.WAITING_INVITEE);
            }
            decisions.record(SUBJECT, id, "accept".equals(decision) ? Step.ACCEPT : Step.DECLINE, comment, actor,
                    execution.getProcessInstanceId());
        };
    }

    /** The patient's side approves last where the patient or family takes part (MCS: 承認待ち(患者本人)). */
    public JavaDelegate checkPatientDecision() {
        return execution -> {
            long id = Vars.id(execution, "invitationId", "招待");
            String decision = Vars.choice(execution, "patientDecision", "患者本人の承認", "approved", "refused");
            String comment = Vars.text(execution, "patientComment", "理由・誰が承認したか", 1000);
            String actor = actors.originCoordinator(execution, invitations.invitation(id).orElseThrow());
            if ("approved".equals(decision)) {
                invitations.patientApproved(id, comment);
            } else {
                execution.setVariable("closeReason", "患者本人が承認しなかった: " + comment);
            }
            decisions.record(SUBJECT, id, "approved".equals(decision) ? Step.PATIENT_APPROVE : Step.PATIENT_REFUSE,
                    comment, actor, execution.getProcessInstanceId());
        };
    }

    /**
     * Only after the change is confirmed in MCS does the membership open, with inviter, approver and acceptance; never
     * in a group archived meanwhile (its row locked against a simultaneous archive): then the invitation ends and the
     * invitation made in MCS is to be undone (membershipOpened=false).
     */
    public JavaDelegate openMembership() {
        return execution -> {
            long id = Vars.id(execution, "invitationId", "招待");
            Invitation invitation = invitations.invitation(id).orElseThrow();
            boolean active = groups.isActiveLocked(invitation.groupId());
            StepValues.forThisTransaction(execution, "membershipOpened", active);
            if (!active) {
                invitations.close(id, State.CANCELLED, "グループが保管されたため参加は開きません（MCSでの招待を取り消します、N2-1）");
                log.info("[invitation:{}] group {} archived meanwhile: no membership, undo in MCS", id,
                        invitation.groupId());
                return;
            }
            groups.openMembership(invitation.groupId(), invitation.inviteeStaffId(), "MEMBER", invitation.invitedBy(),
                    invitation.approvedBy(), id, execution.getProcessInstanceId());
            invitations.close(id, State.MEMBER, "参加（MCSで確定: " + execution.getVariable("mcsConfirmedBy") + "）");
            decisions.record(SUBJECT, id, Step.MEMBER, null, (String) execution.getVariable("mcsConfirmedBy"),
                    execution.getProcessInstanceId());
            log.info("[invitation:{}] member of group {}", id, invitation.groupId());
        };
    }

    /** Ends the invitation in the given state, with the reason the deciding step left in closeReason. */
    public JavaDelegate close(String state) {
        return execution -> {
            if (execution.getVariable("invitationId") == null && State.valueOf(state) == State.CANCELLED) {
                // withdrawn before its first submission: nothing was recorded, nobody was asked; the engine's history
                // keeps who started and ended it
                log.info("[{}] withdrawn before the first request", execution.getProcessInstanceId());
                return;
            }
            long id = Vars.id(execution, "invitationId", "招待");
            String reason = switch (State.valueOf(state)) {
                case EXPIRED -> "期限（" + execution.getVariable("expireAfter") + "）までに決定がありませんでした";
                default -> Objects.requireNonNullElse((String) execution.getVariable("closeReason"), state);
            };
            invitations.close(id, State.valueOf(state), reason);
            if (State.valueOf(state) == State.CANCELLED) {
                decisions.record(SUBJECT, id, Step.WITHDRAW, reason, Facts.starter(execution),
                        execution.getProcessInstanceId());
            }
            log.info("[invitation:{}] closed {}: {}", id, state, reason);
            reconciliation.lateRegistrationEnded(execution, state + ": " + reason);
        };
    }

    /** The coordinator cancelled at any point before the membership opened (message "invitation-cancel"). */
    public JavaDelegate cancelled() {
        return execution -> {
            Long id = (Long) execution.getVariable("invitationId");
            String reason = Objects.requireNonNullElse((String) execution.getVariable("cancelReason"), "取り下げ");
            if (id != null) {
                invitations.close(id, State.CANCELLED, reason);
                decisions.record(SUBJECT, id, Step.WITHDRAW, reason, (String) execution.getVariable("cancelledBy"),
                        execution.getProcessInstanceId());
            }
            log.info("[{}] cancelled by {}", execution.getBusinessKey(), execution.getVariable("cancelledBy"));
            reconciliation.lateRegistrationEnded(execution, "CANCELLED: " + reason);
        };
    }
}
