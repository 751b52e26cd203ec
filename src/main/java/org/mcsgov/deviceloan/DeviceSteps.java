package org.mcsgov.deviceloan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mcsgov.device.CheckItem;
import org.mcsgov.device.Device.State;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.Facts;
import org.mcsgov.platform.UserError;
import org.mcsgov.platform.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steps of "device-registration" (A8-2, A12-1..A12-8, A12-10, A11-6) and "device-loan": the facility's MCS
 * administrator registers a device, records its security checklist (a failed required item keeps it unusable until it
 * is checked again, or it is retired), lends usable devices to the facility's staff and ends loans (device-return).
 */
@Component
public class DeviceSteps {

    private static final Logger log = LoggerFactory.getLogger(DeviceSteps.class);
    static final List<String> KINDS = List.of("PC", "TABLET", "SMARTPHONE", "USB_MEDIUM", "OTHER");

    private final DirectoryService directory;
    private final DeviceService devices;

    public DeviceSteps(DirectoryService directory, DeviceService devices) {
        this.directory = directory;
        this.devices = devices;
    }

    /** A8-2: only the facility's MCS administrator; the facility's staff as owners or borrowers. */
    public JavaDelegate loadOptions() {
        return execution -> {
            Staff admin = directory.requireActiveWithRole(Facts.starter(execution), Role.MCS_ADMIN);
            execution.setVariable("facilityId", admin.facilityId());
            execution.setVariable("adminGroup", Role.MCS_ADMIN.groupId(admin.facilityId()));
            execution.setVariable("staffOptions", Vars.options(directory.activeStaffOf(admin.facilityId()).stream()
                    .map(s -> new Vars.Option(s.name() + "（" + s.userId() + "）", String.valueOf(s.id()))).toList()));
            List<Device> all = devices.devicesOf(admin.facilityId());
            execution.setVariable("deviceOptions", Vars.options(all.stream()
                    .filter(d -> d.available() && d.holderStaffId() == null)
                    .map(d -> new Vars.Option(d.label(), String.valueOf(d.id()))).toList()));
            execution.setVariable("loanOptions", Vars.options(all.stream().filter(d -> d.holderStaffId() != null)
                    .map(d -> new Vars.Option(d.label() + "・貸与先 " + d.holderName(), String.valueOf(d.id()))).toList()));
        };
    }

    /** A8-2, A12-10: what the device is and whose; the asset number is unique in the facility. */
    public JavaDelegate checkRegistration() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            String kind = Vars.choice(execution, "deviceKind", "種類", KINDS.toArray(String[]::new));
            String asset = Vars.text(execution, "assetNumber", "資産番号", 64);
            String model = Vars.text(execution, "deviceModel", "機種・説明", 200);
            String ownership = Vars.choice(execution, "ownership", "所有", "FACILITY", "PERSONAL");
            Long owner = null;
            if ("PERSONAL".equals(ownership)) {
                owner = staffOfFacility(execution, "ownerStaffId", "所有者（私物の場合）", facilityId).id();
            }
            boolean taken = devices.devicesOf(facilityId).stream().anyMatch(d -> d.assetNumber().equals(asset));
            if (taken) {
                throw new UserError("この資産番号の端末は既に登録されています: " + asset, "asset number already registered: " + asset);
            }
            Device device = devices.register(facilityId, kind, asset, model, ownership, owner,
                    Facts.starter(execution), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("device:" + device.id());
            execution.setVariable("deviceId", device.id());
            execution.setVariable("deviceLabel", device.label() + ("PERSONAL".equals(ownership) ? "・私物（A12-10）" : ""));
            execution.setVariable("failedItems", null);
            log.info("[device:{}] {} registered", device.id(), device.label());
        };
    }

    /**
     * A12-1..A12-8: every item answered yes / no / n.a.; a "no" to a required item makes the device unusable and the
     * checklist is asked again (checklistOutcome failed); or the administrator retires the device.
     */
    public JavaDelegate checkChecklist() {
        return execution -> {
            long deviceId = Vars.id(execution, "deviceId", "端末");
            String by = Facts.actor(execution);
            if ("retire".equals(Vars.choice(execution, "checklistAction", "操作", "record", "retire"))) {
                execution.setVariable("retireReason", Vars.text(execution, "retireReason", "使用をやめる理由", 1000));
                execution.setVariable("checklistOutcome", "retire");
                return;
            }
            Map<CheckItem, String> answers = new EnumMap<>(CheckItem.class);
            for (CheckItem item : CheckItem.values()) {
                answers.put(item, Vars.choice(execution, item.formKey(), item.label(), "YES", "NO", "NA"));
            }
            String comment = Vars.optionalText(execution, "checkComment", "備考", 1000);
            List<CheckItem> failed = devices.recordCheck(deviceId, answers, comment, by, execution.getProcessInstanceId());
            execution.setVariable("checklistOutcome", failed.isEmpty() ? "passed" : "failed");
            execution.setVariable("failedItems", failed.isEmpty() ? null
                    : failed.stream().map(CheckItem::label).collect(Collectors.joining("\n")));
            log.info("[device:{}] checklist by {}: {}", deviceId, by, failed.isEmpty() ? "passed" : "failed " + failed);
        };
    }

    public JavaDelegate retire() {
        return execution -> devices.changeState(Vars.id(execution, "deviceId", "端末"), State.RETIRED,
                (String) execution.getVariable("retireReason"), Facts.actor(execution),
                execution.getProcessInstanceId());
    }

    /**
     * A8-2: lend a usable device of the facility, not on loan, to an active person of the facility (recorded here), or
     * end a loan: then device-return confirms the return and the device's condition (returnDeviceId).
     */
    public JavaDelegate checkLoan() {
        return execution -> {
            String facilityId = Facts.facility(execution);
            String action = Vars.choice(execution, "loanAction", "操作", "lend", "return");
            execution.setVariable("lending", "lend".equals(action));
            if ("return".equals(action)) {
                long deviceId = Vars.id(execution, "returnDeviceId", "返却される端末");
                devices.device(deviceId).filter(d -> d.facilityId().equals(facilityId) && d.holderStaffId() != null)
                        .orElseThrow(() -> new UserError("この事業所の貸与中の端末ではありません: " + deviceId,
                                "not a device of your facility on loan: " + deviceId));
                execution.setVariable("deviceId", deviceId);
                execution.setProcessBusinessKey("device:" + deviceId);
                return;
            }
            long deviceId = Vars.id(execution, "deviceId", "端末");
            Device device = devices.device(deviceId).filter(d -> d.facilityId().equals(facilityId))
                    .orElseThrow(() -> new UserError("この事業所の端末ではありません: " + deviceId,
                            "not a device of your facility: " + deviceId));
            if (!device.available() || device.holderStaffId() != null) {
                throw new UserError("この端末は貸与できません（状態: " + State.valueOf(device.state()).label() + "）",
                        "the device cannot be lent in state " + device.state());
            }
            Staff borrower = staffOfFacility(execution, "borrowerStaffId", "貸与先", facilityId);
            devices.lend(deviceId, borrower.id(), Facts.actor(execution), execution.getProcessInstanceId());
            execution.setProcessBusinessKey("device:" + deviceId);
            log.info("[device:{}] lent to {}", deviceId, borrower.userId());
        };
    }

    private Staff staffOfFacility(DelegateExecution execution, String name, String label, String facilityId) {
        long staffId = Vars.id(execution, name, label);
        return directory.staff(staffId).filter(s -> s.isActive() && s.facilityId().equals(facilityId))
                .orElseThrow(() -> new UserError("「" + label + "」は事業所の有効な職員から選んでください: " + staffId,
                        name + " must be an active staff member of the facility: " + staffId));
    }
}
