package org.mcsgov.api;

import java.util.Arrays;
import java.util.List;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.platform.ApiErrors;
import org.mcsgov.platform.Csv;
import org.mcsgov.security.CurrentUser;
import org.mcsgov.security.ReadPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device register for audits (A8-2): a facility's devices (JSON or CSV), and one device with its states, loans
 * and checks. Readable by the facility's managers and MCS administrators and the association office; a device also
 * by the person it is lent to.
 */
@RestController
@RequestMapping("/api")
public class DeviceController {

    private static final List<String> CSV_HEADER = List.of("端末ID", "事業所", "種類", "資産番号", "機種", "所有", "状態",
            "MCSに使用可", "貸与先", "登録者", "登録日時");

    private final DeviceService devices;
    private final CurrentUser currentUser;
    private final ReadPolicy readPolicy;

    public DeviceController(DeviceService devices, CurrentUser currentUser, ReadPolicy readPolicy) {
        this.devices = devices;
        this.currentUser = currentUser;
        this.readPolicy = readPolicy;
    }

    public record View(Device device, List<DeviceService.StateRow> states, List<DeviceService.LoanRow> loans,
                       List<DeviceService.CheckRow> checks) {
    }

    @GetMapping("/facilities/{facilityId}/devices")
    public List<Device> devicesOf(@PathVariable String facilityId) {
        if (!readPolicy.readsFacility(facilityId)) {
            throw ApiErrors.forbidden();
        }
        return devices.devicesOf(facilityId);
    }

    @GetMapping("/facilities/{facilityId}/devices.csv")
    public ResponseEntity<byte[]> devicesCsv(@PathVariable String facilityId) {
        List<List<Object>> rows = devicesOf(facilityId).stream().map(d -> Arrays.<Object>asList(d.id(), d.facilityId(),
                d.kind(), d.assetNumber(), d.model(), d.ownership(), Device.State.valueOf(d.state()).label(), d.usable(),
                d.holderUserId(), d.registeredBy(), d.registeredAt())).toList();
        return Csv.response("devices-" + facilityId + ".csv", CSV_HEADER, rows);
    }

    @GetMapping("/devices/{id}")
    public View device(@PathVariable long id) {
        Device device = devices.device(id).orElseThrow(() -> ApiErrors.notFound("端末", id));
        boolean allowed = readPolicy.readsFacility(device.facilityId())
                || currentUser.id().equals(device.holderUserId());
        if (!allowed) {
            throw ApiErrors.forbidden();
        }
        return new View(device, devices.states(id), devices.loans(id), devices.checks(id));
    }
}
