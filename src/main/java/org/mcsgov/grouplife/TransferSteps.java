package org.mcsgov.grouplife;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.decision.DecisionLog.Step;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.consent.ConsentSteps;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Steps of "group-transfer" (管理施設の変更, A4, A6, N1-4): the originating facility's MCS administrator asks, the
 * receiving facility's MCS administrator approves and names the new coordinator, who records the consent again.
 */
@Component
public class TransferSteps {

    private final DirectoryService directory;
    private final GroupService groups;
    private final PatientService patients;
    private final TransferRegister transfers;
    private final HandoverSteps handover;
    private final DecisionLog decisions;
    private final RuntimeService runtimeService;
    private final MovedTasks movedTasks;
    private final JdbcClient jdbc;
    private final String expireAfter;

    /** expireAfter: how long the receiving administrator and the new coordinator have (mcs.transfer.expire-after). */
    public TransferSteps(DirectoryService directory, GroupService groups, PatientService patients,
                         TransferRegister transfers, HandoverSteps handover, DecisionLog decisions,
                         RuntimeService runtimeService, MovedTasks movedTasks, JdbcClient jdbc,
                         TransferProperties settings) {
        this.directory = directory;
        this.groups = groups;
        this.patients = patients;
        this.transfers = transfers;
        this.handover = handover;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.movedTasks = movedTasks;
        this.jdbc = jdbc;
        this.expireAfter = settings.expireAfter();
    }

    /** The starter's facility's active patient groups and the other active facilities using MCS. */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            var groupOptions = patientGroups(admin.facilityId()).stream()
                    .map(g -> new Vars.Option(g.name(), String.valueOf(g.id()))).toList();
            if (groupOptions.isEmpty()) {
                throw new UserError("管理施設を変更できる患者グループがありません",
                        "your facility has no active patient group to transfer");
            }
            execution.setVariable("groupOptions", Vars.options(groupOptions));
            execution.setVariable("receivingFacilityOptions", Vars.options(receivingFacilities(admin.facilityId())
                    .stream().map(f -> new Vars.Option(f.name(), f.id())).toList()));
            execution.setVariable("facilityId", admin.facilityId());
            execution.setVariable("expireAfter", expireAfter);
        };
    }

    /** Re-checks the group and the receiving facility against the register, whatever the form sent. */
    public JavaDelegate check() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            Group group = group(execution, admin.facilityId());
            String receiving = (String) execution.getVariable("receivingFacilityId");
            Facility to = receivingFacilities(admin.facilityId()).stream().filter(f -> f.id().equals(receiving))
                    .findFirst().orElseThrow(() -> new UserError(
                            "受け入れる事業所は、MCSを利用している有効な他の事業所から選んでください",
                            "the receiving facility must be another active facility using MCS"));
            String reason = Vars.text(execution, "transferReason", "変更の理由", 1000);
            var coordinators = directory.activeWithRole(to.id(), Role.COORDINATOR).stream()
                    .map(s -> new Vars.Option(s.name() + "（" + s.profession() + "）", String.valueOf(s.id()))).toList();
            execution.setProcessBusinessKey("group:" + group.id());
            execution.setVariable("receivingAdminGroup", Role.MCS_ADMIN.groupId(to.id()));
            execution.setVariable("newCoordinatorOptions", Vars.options(coordinators));
            execution.setVariable("mcsSubject", group.name() + " → " + to.name());
            execution.setVariable("patientLabel", patients.patient(group.patientId()).orElseThrow().label());
            execution.setVariable("transferSummary", "グループ: " + group.name() + "\n連携元事業所: "
                    + directory.facility(group.facilityId()).orElseThrow().name() + "\n受け入れる事業所: " + to.name()
                    + "\n理由: " + reason + "\n申請した人: " + admin.name());
            decisions.record(HandoverSteps.SUBJECT, group.id(), Step.REQUEST, reason, admin.userId(),
                    execution.getProcessInstanceId());
            // the originating facility's other patients are no business of the receiving facility, nor the list the
            // request chose from (least knowledge): the choice itself stays, in receivingFacilityId
            execution.removeVariable("groupOptions");
            execution.removeVariable("receivingFacilityOptions");
        };
    }

    /** The receiving administrator's decision; an approval names an active coordinator of the receiving facility. */
    public JavaDelegate checkDecision() {
        return execution -> {
            String receiving = (String) execution.getVariable("receivingFacilityId");
            directory.requireActiveWithRole(Facts.actor(execution), Role.MCS_ADMIN);
            if ("reject".equals(Vars.choice(execution, "transferDecision", "判断", "approve", "reject"))) {
                Vars.text(execution, "transferComment", "受け入れない理由", 1000);
                return;
            }
            long coordinatorId = Vars.id(execution, "newCoordinatorStaffId", "新しい担当者");
            Staff coordinator = directory.activeWithRole(receiving, Role.COORDINATOR).stream()
                    .filter(s -> s.id() == coordinatorId).findFirst().orElseThrow(() -> new UserError(
                            "新しい担当者は受け入れる事業所の有効な担当者から選んでください（N1-4）",
                            "the new coordinator must be an active coordinator of the receiving facility (N1-4)"));
            execution.setVariable("approvedBy", Facts.actor(execution));
            execution.setVariable("newCoordinatorUserId", coordinator.userId());
            execution.setVariable("mcsAssignee", coordinator.userId());
        };
    }

    /** Done in MCS: the group, its patient and its consent move; the new coordinator takes over the open work. */
    public JavaDelegate transfer() {
        return execution -> {
            long groupId = Vars.id(execution, "groupId", "グループ");
            String to = (String) execution.getVariable("receivingFacilityId");
            String successor = (String) execution.getVariable("newCoordinatorUserId");
            Group moving = groups.group(groupId).orElseThrow();
            String from = moving.facilityId();
            String outgoing = directory.staff(moving.coordinatorStaffId()).orElseThrow().userId();
            String reason = Vars.text(execution, "transferReason", "変更の理由", 1000);
            transfers.transfer(new TransferRegister.Transfer(groupId, to, Facts.starter(execution),
                    (String) execution.getVariable("approvedBy"), reason), ConsentSteps.consent(execution),
                    successor, execution.getProcessInstanceId());
            groups.changeCoordinator(groupId, Vars.id(execution, "newCoordinatorStaffId", "新しい担当者"), successor,
                    "管理施設の変更: " + reason, execution.getProcessInstanceId());
            handover.moveInvitations(groupId, outgoing, successor, Role.COORDINATOR.groupId(from),
                    Role.COORDINATOR.groupId(to));
            moveReviews(groupId, from, outgoing, successor, to);
            decisions.record(HandoverSteps.SUBJECT, groupId, Step.TRANSFER, to, successor,
                    execution.getProcessInstanceId());
        };
    }

    /** The rejection (or the patient's refusal at the receiving facility) with its reason; nothing moves. */
    public JavaDelegate notTransferred() {
        return execution -> decisions.record(HandoverSteps.SUBJECT, Vars.id(execution, "groupId", "グループ"),
                Step.REJECT, "reject".equals(execution.getVariable("transferDecision"))
                        ? (String) execution.getVariable("transferComment")
                        : "受け入れる事業所で同意が得られなかった: " + execution.getVariable("refusalReason"),
                Facts.actor(execution), execution.getProcessInstanceId());
    }

    /** A deadline passed (decision or consent): the expiry is recorded, nothing moves. */
    public JavaDelegate expired() {
        return execution -> decisions.record(HandoverSteps.SUBJECT, Vars.id(execution, "groupId", "グループ"),
                Step.EXPIRE, "期限までに手続きが進まなかったため、管理施設は変わらない", "system",
                execution.getProcessInstanceId());
    }

    /** Open reviews of the group: the new coordinator reviews, with the receiving facility's groups as candidates. */
    private void moveReviews(long groupId, String from, String outgoing, String successor, String to) {
        jdbc.sql("UPDATE group_review SET reviewer_user_id = ?, facility_id = ? WHERE group_id = ? AND status = 'OPEN'")
                .params(successor, to, groupId).update();
        for (var review : runtimeService.createProcessInstanceQuery().processDefinitionKey("membership-review-group")
                .variableValueEquals("groupId", groupId).list()) {
            runtimeService.setVariable(review.getId(), "reviewer", successor);
            runtimeService.setVariable(review.getId(), "adminGroup", Role.MCS_ADMIN.groupId(to));
            movedTasks.reassign(review.getBusinessKey(), outgoing, successor);
            for (Role role : new Role[] {Role.COORDINATOR, Role.MCS_ADMIN}) {
                movedTasks.replaceCandidate(review.getBusinessKey(), role.groupId(from), role.groupId(to));
            }
        }
    }

    private java.util.List<Group> patientGroups(String facilityId) {
        return groups.activeGroupsOf(facilityId).stream().filter(g -> g.patientId() != null).toList();
    }

    private java.util.List<Facility> receivingFacilities(String own) {
        return directory.facilities().stream().filter(f -> f.usesMcs() && !f.id().equals(own)
                && directory.facilityActive(f.id())).toList();
    }

    private Group group(DelegateExecution execution, String facilityId) {
        long groupId = Vars.id(execution, "groupId", "グループ");
        return patientGroups(facilityId).stream().filter(g -> g.id() == groupId).findFirst().orElseThrow(() ->
                new UserError("自施設の有効な患者グループを選んでください", "choose an active patient group of your facility"));
    }
}
