package org.mcsgov.securityincident;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.Deciders;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "incident-report" (N3-10, N3-11, N2-2): anyone reports; the MCS administrator of the reporter's facility
 * triages within a deadline (else the facility manager is asked too) and gives instructions the reporter acknowledges;
 * the administrator's actions are recorded: the account locked through user-suspension, the device marked lost, a
 * remote wipe requested and confirmed, the office and the originating facilities of the groups concerned informed.
 * Closing needs a summary of cause and measures.
 */
@Component
public class IncidentSteps {

    private static final Logger log = LoggerFactory.getLogger(IncidentSteps.class);

    private final DirectoryService directory;
    private final DeviceService devices;
    private final GroupService groups;
    private final IncidentService incidents;
    private final String triageDeadline;
    private final Deciders deciders;

    /** triageDeadline: the administrator triages within this, else the manager is asked (mcs.incident.triage-deadline). */
    public IncidentSteps(DirectoryService directory, DeviceService devices, GroupService groups,
                         IncidentService incidents, IncidentProperties settings,
                         Deciders deciders) {
        this.deciders = deciders;
        this.directory = directory;
        this.devices = devices;
        this.groups = groups;
        this.incidents = incidents;
        this.triageDeadline = settings.triageDeadline();
    }

    /** The reporter's facility; a report made by another process (a device not returned) comes filled in. */
    public JavaDelegate loadOptions() {
        return execution -> {
            String userId = Objects.requireNonNullElse((String) execution.getVariable("reporterUserId"),
                    Facts.starter(execution));
            Staff reporter = directory.staffByUserId(userId).filter(s -> !"LEFT".equals(s.status()))
                    .orElseThrow(() -> new UserError("登録されていないユーザーです: " + userId, "unknown user: " + userId));
            String facilityId = reporter.facilityId();
            execution.setVariable("reporterUserId", reporter.userId());
            execution.setVariable("facilityId", facilityId);
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(facilityId));
            execution.setVariable("triageDeadline", triageDeadline);
            execution.setVariable("reportReady", execution.getVariable("incidentKind") != null);
            execution.setVariable("deviceOptions", Vars.options(devices.devicesOf(facilityId).stream()
                    .map(d -> new Vars.Option(d.label(), String.valueOf(d.id()))).toList()));
            execution.setVariable("staffOptions", Vars.options(directory.activeStaffOf(facilityId).stream()
                    .map(s -> new Vars.Option(s.name() + "（" + s.userId() + "）", String.valueOf(s.id()))).toList()));
        };
    }

    /** N3-10, N3-11: what happened, when, and which device or account; a lost device names the device. */
    public JavaDelegate checkReport() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            Incident.Kind kind = Incident.Kind.valueOf(Vars.choice(execution, "incidentKind", "報告の種類",
                    Stream.of(Incident.Kind.values()).map(Enum::name).toArray(String[]::new)));
            String description = Vars.text(execution, "incidentDescription", "何が起きたか", 2000);
            String occurredAt = Vars.text(execution, "occurredAt", "いつ", 32);
            Device device = optionalDevice(execution, facilityId);
            Staff affected = optionalStaff(execution, facilityId);
            if (kind == Incident.Kind.LOST_DEVICE && device == null) {
                throw new UserError("紛失・盗難の報告では端末を選んでください", "a lost device report names the device");
            }
            Long takeoutId = execution.getVariable("takeoutId") == null ? null : Vars.id(execution, "takeoutId", "持ち出し");
            long id = incidents.report(facilityId, kind, description, occurredAt, device == null ? null : device.id(),
                    affected == null ? null : affected.id(), takeoutId, (String) execution.getVariable("reporterUserId"),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey("incident:" + id);
            execution.setVariable("incidentId", id);
            execution.setVariable("deviceId", device == null ? null : device.id());
            execution.setVariable("affectedStaffId", affected == null ? null : affected.id());
            execution.setVariable("triageDueDate", Date.from(EngineClock.now().plus(Duration.parse(triageDeadline))));
            execution.setVariable("incidentSummaryText", kind + ": " + description + "（発生: " + occurredAt
                    + (device == null ? "" : "、端末: " + device.label())
                    + (affected == null ? "" : "、アカウント: " + affected.name() + "（" + affected.userId() + "）") + "）");
            log.info("[incident:{}] {} reported by {}", id, kind, execution.getVariable("reporterUserId"));
        };
    }

    /** Not triaged in time: the facility manager is offered the triage task too, recorded. */
    public JavaDelegate escalateTriage() {
        return execution -> {
            long id = id(execution);
            String manager = Role.MANAGER.groupId(Facts.facility(execution));
            var taskService = execution.getProcessEngineServices().getTaskService();
            taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey("UserTask_Triage").list()
                    .forEach(task -> taskService.addCandidateGroup(task.getId(), manager));
            incidents.escalated(id);
            incidents.action(id, "ESCALATED", "期限（" + triageDeadline + "）までに判断がなく " + manager + " へ", "system",
                    execution.getProcessInstanceId());
            log.info("[incident:{}] not triaged in time: escalated to {}", id, manager);
        };
    }

    /** N3-10: severity and the instructions the reporter must follow. */
    public JavaDelegate checkTriage() {
        return execution -> {
            long id = id(execution);
            String severity = Vars.choice(execution, "severity", "重大度", "HIGH", "MEDIUM", "LOW");
            String instructions = Vars.text(execution, "instructions", "報告者への指示", 2000);
            // the reporter's facility's administrators, or its manager once the triage is escalated to them
            String by = deciders.require(Facts.actor(execution), facility(id), Role.MCS_ADMIN, Role.MANAGER).userId();
            incidents.triaged(id, severity, instructions, by);
            incidents.action(id, "INSTRUCTED", instructions, by, execution.getProcessInstanceId());
        };
    }

    /** N3-10: the reporter follows the instructions. */
    public JavaDelegate checkAcknowledgement() {
        return execution -> {
            Vars.confirmed(execution, "instructionsAcknowledged", "指示を確認し、従います");
            long id = id(execution);
            String reporter = incidents.incident(id).orElseThrow().reportedBy();
            if (!reporter.equals(Vars.actor(execution, "reporterUserId"))) {
                throw new UserError("指示を確認できるのは報告した本人だけです", "only the reporter acknowledges the instructions");
            }
            incidents.acknowledged(id);
            incidents.action(id, "ACKNOWLEDGED", Vars.optionalText(execution, "acknowledgementComment", "コメント", 1000),
                    reporter, execution.getProcessInstanceId());
        };
    }

    /** One action at a time, checked before it runs; closing needs the summary of cause and measures. */
    public JavaDelegate checkAction() {
        return execution -> {
            long id = id(execution);
            String action = Vars.choice(execution, "incidentAction", "対応", "lock", "lost", "wipe", "inform", "close");
            String note = Vars.optionalText(execution, "actionNote", "対応の内容・理由", 1000);
            String by = deciders.require(Facts.actor(execution), facility(id), Role.MCS_ADMIN).userId();
            execution.setVariable("actionBy", by);
            switch (action) {
                case "lock" -> {
                    Staff affected = optionalStaff(execution, facility(id));
                    if (affected == null || !affected.isActive()
                            || !affected.facilityId().equals(facility(id))) {
                        throw new UserError("ロックできるのは、報告に記録された自施設の有効なアカウントだけです"
                                + "（他の事業所の人は、その事業所のMCS管理者に依頼してください）",
                                "only an active account of your facility named in the report can be locked");
                    }
                    if (affected.userId().equals(by)) {
                        throw new UserError("自分自身のアカウントはロックできません", "you cannot lock your own account");
                    }
                    execution.setVariable("suspensionReason", "インシデント incident:" + id + "（N2-2）"
                            + (note == null ? "" : ": " + note));
                    incidents.action(id, "LOCK_ACCOUNT", affected.userId() + "（user-suspension）", by,
                            execution.getProcessInstanceId());
                }
                case "lost", "wipe" -> {
                    if (execution.getVariable("deviceId") == null) {
                        throw new UserError("この報告には端末が記録されていません", "the report names no device");
                    }
                }
                case "close" -> execution.setVariable("incidentSummary",
                        Vars.text(execution, "incidentSummary", "原因と対策のまとめ", 2000));
                default -> {
                }
            }
            execution.setVariable("actionNote", note);
        };
    }

    /** The device is LOST in the register (state history), its loan ended. */
    public JavaDelegate markLost() {
        return execution -> {
            long id = id(execution);
            long deviceId = Vars.id(execution, "deviceId", "端末");
            String by = (String) execution.getVariable("actionBy");
            devices.endLoan(deviceId, "紛失・盗難（incident:" + id + "）", by, execution.getProcessInstanceId());
            devices.changeState(deviceId, Device.State.LOST, "インシデント incident:" + id, by,
                    execution.getProcessInstanceId());
            incidents.action(id, "DEVICE_LOST", devices.device(deviceId).orElseThrow().label(), by,
                    execution.getProcessInstanceId());
        };
    }

    /** A12-6: the wipe is requested (recorded); the administrator then confirms whether it was done. */
    public JavaDelegate requestWipe() {
        return execution -> incidents.action(id(execution), "WIPE_REQUESTED", (String) execution.getVariable("actionNote"),
                (String) execution.getVariable("actionBy"), execution.getProcessInstanceId());
    }

    public JavaDelegate checkWipe() {
        return execution -> {
            String outcome = Vars.choice(execution, "wipeOutcome", "遠隔消去の結果", "done", "failed");
            String comment = Vars.text(execution, "wipeComment", "確認した内容", 1000);
            long id = id(execution);
            String by = deciders.require(Facts.actor(execution), facility(id), Role.MCS_ADMIN).userId();
            incidents.action(id, "done".equals(outcome) ? "WIPE_DONE" : "WIPE_FAILED", comment, by,
                    execution.getProcessInstanceId());
        };
    }

    /**
     * N2-2: the association office, and the originating facilities of the patient groups the affected account or the
     * device's holder belongs to, are informed by a record they read (read-only) at /api/incidents.
     */
    public JavaDelegate inform() {
        return execution -> {
            long id = id(execution);
            String by = (String) execution.getVariable("actionBy");
            Map<String, List<String>> concerned = new TreeMap<>();
            for (Group group : groupsConcerned(execution)) {
                concerned.computeIfAbsent(group.facilityId(), f -> new java.util.ArrayList<>()).add(group.name());
            }
            Map<String, String> notices = new LinkedHashMap<>();
            notices.put(Role.OFFICE.groupId(null), concerned.values().stream().flatMap(List::stream).distinct()
                    .collect(Collectors.joining("、")));
            concerned.forEach((facility, names) -> notices.put(facility, String.join("、", names)));
            notices.forEach((recipient, names) -> incidents.notice(id, recipient, names.isEmpty() ? null : names, by,
                    execution.getProcessInstanceId()));
            incidents.action(id, "INFORMED", String.join("、", notices.keySet()), by, execution.getProcessInstanceId());
            execution.setVariable("incidentNotice", "連絡先: " + String.join("、", notices.keySet()));
            log.info("[incident:{}] informed {}", id, notices.keySet());
        };
    }

    public JavaDelegate close() {
        return execution -> {
            long id = id(execution);
            String by = (String) execution.getVariable("actionBy");
            incidents.close(id, (String) execution.getVariable("incidentSummary"), by);
            incidents.action(id, "CLOSED", (String) execution.getVariable("incidentSummary"), by,
                    execution.getProcessInstanceId());
            log.info("[incident:{}] closed by {}", id, by);
        };
    }

    private List<Group> groupsConcerned(DelegateExecution execution) {
        Stream<Long> people = Stream.of(execution.getVariable("affectedStaffId") == null ? null
                        : Vars.id(execution, "affectedStaffId", "アカウント"),
                execution.getVariable("deviceId") == null ? null
                        : devices.device(Vars.id(execution, "deviceId", "端末")).map(Device::holderStaffId).orElse(null));
        return people.filter(Objects::nonNull).distinct().flatMap(staffId -> groups.currentGroupsOf(staffId).stream())
                .filter(g -> g.patientId() != null).distinct().toList();
    }

    private Device optionalDevice(DelegateExecution execution, String facilityId) {
        Object value = execution.getVariable("deviceId");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        long deviceId = Vars.id(execution, "deviceId", "端末");
        return devices.device(deviceId).filter(d -> d.facilityId().equals(facilityId))
                .orElseThrow(() -> new UserError("端末台帳にない端末です: " + deviceId, "not in the register: " + deviceId));
    }

    /** The account a report names: a person of the reporter's facility (the form offers no one else). */
    private Staff optionalStaff(DelegateExecution execution, String facilityId) {
        Object value = execution.getVariable("affectedStaffId");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        long staffId = Vars.id(execution, "affectedStaffId", "関係するアカウント");
        return directory.staff(staffId).filter(s -> s.facilityId().equals(facilityId)).orElseThrow(() -> new UserError(
                "「関係するアカウント」は自施設の職員から選んでください: " + staffId, "affectedStaffId not of the facility: " + staffId));
    }

    /** The reporter's facility as the incident's row records it. */
    private String facility(long id) {
        return incidents.incident(id).orElseThrow().facilityId();
    }

    private static long id(DelegateExecution execution) {
        return Vars.id(execution, "incidentId", "インシデント");
    }
}
