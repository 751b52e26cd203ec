package org.mcsgov.takeout;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.decision.DecisionLog.Step;
import org.mcsgov.decision.DecisionLog;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.Deciders;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.DurationWords;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.mcsgov.takeout.Takeout.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "device-takeout" (A12-9): a written request (content, device from the register, purpose, destination,
 * period), approved by the facility's MCS administrator through the reusable approval before anything leaves, never
 * by the applicant; a reminder before the end, the return confirmed with the device's state, overdue escalated to the
 * administrator and then the facility manager; a loss becomes an incident report.
 */
@Component
public class TakeoutSteps {

    static final String SUBJECT = "TAKEOUT";
    private static final Logger log = LoggerFactory.getLogger(TakeoutSteps.class);

    private final DirectoryService directory;
    private final DeviceService devices;
    private final TakeoutService takeouts;
    private final DecisionLog decisions;
    private final TakeoutProperties properties;
    private final Deciders deciders;

    public TakeoutSteps(DirectoryService directory, DeviceService devices, TakeoutService takeouts,
                        DecisionLog decisions, TakeoutProperties properties, Deciders deciders) {
        this.deciders = deciders;
        this.directory = directory;
        this.devices = devices;
        this.takeouts = takeouts;
        this.decisions = decisions;
        this.properties = properties;
    }

    /** Any active person of a facility asks; the devices offered are the facility's usable ones (A12-1..A12-8). */
    public JavaDelegate loadOptions() {
        return execution -> {
            String userId = Facts.starter(execution);
            Staff applicant = directory.staffByUserId(userId).filter(Staff::isActive)
                    .orElseThrow(() -> new UserError("有効な職員として登録されていないユーザーです: " + userId,
                            "user is not an active registered staff member: " + userId));
            execution.setVariable("facilityId", applicant.facilityId());
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(applicant.facilityId()));
            execution.setVariable("deviceOptions", Vars.options(devices.devicesOf(applicant.facilityId()).stream()
                    .filter(Device::available).map(d -> new Vars.Option(d.label(), String.valueOf(d.id()))).toList()));
            execution.setVariable("maxPeriod", DurationWords.of(properties.maxPeriod()));   // 「14日」, not P14D
            execution.setVariable("remindAfter", properties.approvalRemindAfter());
            execution.setVariable("expireAfter", properties.approvalExpireAfter());
        };
    }

    /** A12-9: every item of the written request; the period in the future and not longer than the maximum. */
    public JavaDelegate checkRequest() {
        return execution -> {
            Long takeoutId = (Long) execution.getVariable("takeoutId");
            boolean withdraw = "withdraw".equals(execution.getVariable("requestAction"));
            execution.setVariable("withdrawn", withdraw);
            if (withdraw) {
                return; // also before a first submission: a refused request must not stay in マイタスク for ever
            }
            Staff applicant = directory.staffByUserId(Facts.starter(execution)).orElseThrow();
            String content = Vars.text(execution, "content", "持ち出す情報の内容", 1000);
            Device device = device(execution, applicant.facilityId());
            String purpose = Vars.text(execution, "purpose", "目的", 1000);
            String destination = Vars.text(execution, "destination", "持ち出し先", 500);
            LocalDate from = date(execution, "fromDate", "持ち出し開始日");
            LocalDate to = date(execution, "toDate", "返却予定日");
            checkPeriod(from, to);
            long id = takeouts.save(takeoutId, applicant.facilityId(), applicant.id(), device.id(), content, purpose,
                    destination, from, to, execution.getProcessInstanceId());
            decisions.record(SUBJECT, id, takeoutId == null ? Step.REQUEST : Step.RESUBMIT, purpose, applicant.userId(),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey("takeout:" + id);
            execution.setVariable("takeoutId", id);
            execution.setVariable("deviceId", device.id());
            execution.setVariable("returnComment", null);
            prepareApproval(execution, applicant, device, content, purpose, destination, from, to);
            log.info("[takeout:{}] {} asks to take {} out {}..{}", id, applicant.userId(), device.label(), from, to);
        };
    }

    /** A12-9: approved (the device is out), returned to the applicant with a comment, or not approved. */
    public JavaDelegate recordApproval() {
        return execution -> {
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            switch ((String) execution.getVariable("approvalDecision")) {
                case "approve" -> {
                    String by = (String) execution.getVariable("approvalDecidedBy");
                    takeouts.approved(id, by);
                    Takeout takeout = takeouts.takeout(id).orElseThrow();
                    devices.changeState(takeout.deviceId(), Device.State.TAKEN_OUT, "持ち出し（takeout:" + id + "）",
                            by, execution.getProcessInstanceId());
                    // the period ends at midnight after its last day, in the association's time zone
                    var end = takeout.toDate().plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant();
                    execution.setVariable("takeoutEndsAt", Date.from(end));
                    execution.setVariable("takeoutRemindAt", Date.from(end.minus(Duration.parse(properties.remindBefore()))));
                    execution.setVariable("takeoutManagerAt",
                            Date.from(end.plus(Duration.parse(properties.escalateManagerAfter()))));
                }
                case "return" -> {
                    takeouts.setState(id, State.RETURNED_FOR_CORRECTION);
                    execution.setVariable("returnComment", execution.getVariable("approvalComment"));
                }
                default -> execution.setVariable("closeReason", execution.getVariable("approvalComment"));
            }
        };
    }

    /** Rejected with its reason, or expired without a decision: nothing leaves the facility. */
    public JavaDelegate closeUnapproved() {
        return execution -> {
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            State state = "reject".equals(execution.getVariable("approvalDecision")) ? State.REJECTED : State.EXPIRED;
            takeouts.close(id, state, (String) execution.getVariable("closeReason"), null, null);
            log.info("[takeout:{}] {}", id, state);
        };
    }

    public JavaDelegate closeWithdrawn() {
        return execution -> {
            if (execution.getVariable("takeoutId") == null) {
                // withdrawn before its first submission: nothing was recorded; the engine's history keeps who and when
                log.info("[{}] withdrawn before the first request", execution.getProcessInstanceId());
                return;
            }
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            takeouts.close(id, State.WITHDRAWN, "申請者が取り下げ", null, null);
            decisions.record(SUBJECT, id, Step.WITHDRAW, null, Facts.starter(execution),
                    execution.getProcessInstanceId());
        };
    }

    /** 取り下げ before the decision (message takeout-withdraw from the applicant, checked by TakeoutController). */
    public JavaDelegate withdrawnBeforeDecision() {
        return execution -> {
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            String reason = "申請者が取り下げ: " + execution.getVariable("withdrawReason");
            takeouts.close(id, State.WITHDRAWN, reason, null, null);
            decisions.record(SUBJECT, id, Step.WITHDRAW, reason, (String) execution.getVariable("withdrawnBy"),
                    execution.getProcessInstanceId());
            log.info("[takeout:{}] withdrawn before the decision", id);
        };
    }

    /** Before the end of the period: the applicant and the administrators are reminded of the return. */
    public JavaDelegate remind() {
        return execution -> {
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            decisions.record(SUBJECT, id, Step.REMIND, "返却予定日が近づいています（" + Facts.starter(execution)
                    + "、" + execution.getVariable("adminGroup") + "）", "system", execution.getProcessInstanceId());
            log.info("[takeout:{}] return reminder", id);
        };
    }

    /** The period is over and the return is not confirmed: OVERDUE, the administrators are asked to act. */
    public JavaDelegate escalateToAdministrator() {
        return execution -> {
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            takeouts.setState(id, State.OVERDUE);
            decisions.record(SUBJECT, id, Step.ESCALATE, "返却期限超過: " + execution.getVariable("adminGroup"),
                    "system", execution.getProcessInstanceId());
            log.info("[takeout:{}] overdue: escalated to {}", id, execution.getVariable("adminGroup"));
        };
    }

    /** Still not back: the facility manager may confirm the return too (the task is offered to them). */
    public JavaDelegate escalateToManager() {
        return execution -> {
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            String manager = Role.MANAGER.groupId(Facts.facility(execution));
            var taskService = execution.getProcessEngineServices().getTaskService();
            taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey("UserTask_ConfirmReturn").list()
                    .forEach(task -> taskService.addCandidateGroup(task.getId(), manager));
            decisions.record(SUBJECT, id, Step.ESCALATE, "返却期限超過: " + manager, "system",
                    execution.getProcessInstanceId());
            log.info("[takeout:{}] still overdue: escalated to {}", id, manager);
        };
    }

    /** A12-9: the administrator confirms the return with the device's state, or records its loss. */
    public JavaDelegate checkReturn() {
        return execution -> {
            long id = Vars.id(execution, "takeoutId", "持ち出し申請");
            String outcome = Vars.choice(execution, "takeoutOutcome", "返却の確認", "back", "lost");
            String condition = Vars.text(execution, "returnCondition", "端末の状態・確認した内容", 1000);
            Takeout takeout = takeouts.takeout(id).orElseThrow();
            // the administrators (after the escalation the manager) of the request's facility in the register
            String by = deciders.require(Facts.actor(execution), takeout.facilityId(), Role.MCS_ADMIN, Role.MANAGER)
                    .userId();
            boolean back = "back".equals(outcome);
            takeouts.close(id, back ? State.BACK : State.LOST, null, condition, by);
            decisions.record(SUBJECT, id, back ? Step.BACK : Step.LOST, condition, by, execution.getProcessInstanceId());
            Device.State state = !back ? Device.State.LOST
                    : devices.openLoan(takeout.deviceId()).isPresent() ? Device.State.ON_LOAN : Device.State.IN_USE;
            devices.changeState(takeout.deviceId(), state, (back ? "持ち出しから返却: " : "持ち出し中に紛失: ") + condition,
                    by, execution.getProcessInstanceId());
            execution.setVariable("deviceCondition", condition);
            log.info("[takeout:{}] {} confirmed by {}", id, outcome, by);
        };
    }

    private Device device(DelegateExecution execution, String facilityId) {
        long deviceId = Vars.id(execution, "deviceId", "持ち出す端末・媒体");
        Device device = devices.device(deviceId).filter(d -> d.facilityId().equals(facilityId))
                .orElseThrow(() -> new UserError("端末台帳にない端末です: " + deviceId,
                        "the device is not in your facility's register: " + deviceId));
        if (!device.available()) {
            throw new UserError("この端末はMCSに使えないため持ち出せません（状態: " + Device.State.valueOf(device.state()).label()
                    + "）。点検（A12-1〜A12-8）に合格した端末を選んでください",
                    "the device is not usable for MCS (" + device.state() + ")");
        }
        return device;
    }

    private LocalDate date(DelegateExecution execution, String name, String label) {
        String text = Vars.text(execution, name, label, 10);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("「" + label + "」の日付の形式が正しくありません（例: 2026-04-01）: " + text,
                    name + " is not a date (yyyy-MM-dd): " + text);
        }
    }

    private void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isBefore(EngineClock.today())) {
            throw new UserError("持ち出し開始日が過去です: " + from, "the period starts in the past: " + from);
        }
        if (to.isBefore(from)) {
            throw new UserError("返却予定日が開始日より前です", "the period ends before it starts");
        }
        long max = Duration.parse(properties.maxPeriod()).toDays();
        if (ChronoUnit.DAYS.between(from, to) + 1 > max) {
            throw new UserError("持ち出し期間は" + max + "日以内にしてください", "the period is longer than " + max + " days");
        }
    }

    /** A12-9: the facility's administrators decide; never the applicant: then (or with one administrator) the manager too. */
    private void prepareApproval(DelegateExecution execution, Staff applicant, Device device, String content,
                                 String purpose, String destination, LocalDate from, LocalDate to) {
        String facilityId = applicant.facilityId();
        List<String> approvers = new ArrayList<>(List.of(Role.MCS_ADMIN.groupId(facilityId)));
        boolean applicantIsAdmin = directory.activeRoles(applicant.id()).contains(Role.MCS_ADMIN);
        if (applicantIsAdmin || directory.activeWithRole(facilityId, Role.MCS_ADMIN).size() <= 1) {
            approvers.add(Role.MANAGER.groupId(facilityId));
        }
        execution.setVariable("approvalCandidateGroups", String.join(",", approvers));
        execution.setVariable("approvalTitle", "持ち出しの承認: " + applicant.name() + "さん・" + device.label());
        execution.setVariable("approvalSummary", "申請者: " + applicant.name() + "（" + applicant.userId() + "）\n持ち出す情報: "
                + content + "\n端末・媒体: " + device.label() + "\n目的: " + purpose + "\n持ち出し先: " + destination
                + "\n期間: " + from + " 〜 " + to);
    }
}
