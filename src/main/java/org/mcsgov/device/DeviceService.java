package org.mcsgov.device;

import static org.mcsgov.platform.Rows.now;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mcsgov.device.Device.State;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The device register (A8-2): devices per facility, their security checks (A12-1..A12-8), loans to persons and every
 * state they were in, each with who, when and the process instance. Written only by process steps (and demo data).
 */
@Service
public class DeviceService {

    private static final String SELECT = """
            SELECT d.id, d.facility_id, d.kind, d.asset_number, d.model, d.ownership, d.owner_staff_id, d.state, d.usable,
                   d.registered_by, d.registered_at, l.staff_id AS holder_staff_id, s.user_id AS holder_user_id,
                   s.name AS holder_name
            FROM device d
            LEFT JOIN device_loan l ON l.device_id = d.id AND l.valid_to IS NULL
            LEFT JOIN staff s ON s.id = l.staff_id
            """;

    private final JdbcClient jdbc;

    public DeviceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A state the device was in, from when to when (valid_to null: now). */
    public record StateRow(String state, String reason, String changedBy, OffsetDateTime validFrom,
                           OffsetDateTime validTo, String processInstanceId) {
    }

    /** A loan of the device to a person (valid_to null: still on loan). */
    public record LoanRow(long id, long staffId, String userId, String name, String lentBy, OffsetDateTime validFrom,
                          OffsetDateTime validTo, String returnedTo, String returnCondition, String processInstanceId,
                          String returnProcessInstanceId) {
    }

    /** One security checklist: the answers by item, whether it passed and what failed. */
    public record CheckRow(long id, Map<String, String> answers, boolean passed, String failedItems, String comment,
                           String checkedBy, OffsetDateTime checkedAt, String processInstanceId) {
    }

    public Device register(String facilityId, String kind, String assetNumber, String model, String ownership,
                           Long ownerStaffId, String by, String processInstanceId) {
        return register(facilityId, kind, assetNumber, model, ownership, ownerStaffId, "登録", by, processInstanceId);
    }

    /** The facility's device with this asset number (the device's natural key), if registered. */
    public Optional<Device> device(String facilityId, String assetNumber) {
        return jdbc.sql(SELECT + " WHERE d.facility_id = ? AND d.asset_number = ?").params(facilityId, assetNumber)
                .query(RecordMapper.of(Device.class)).optional();
    }

    /**
     * 初期移行: a device in use before the register, registered waiting for its security checklist (CHECK_PENDING,
     * not usable until checked, A12-1..A12-8); empty when the facility has that asset number already.
     */
    public Optional<Device> migrate(String facilityId, String kind, String assetNumber, String model, String ownership,
                                    Long ownerStaffId, String by, String processInstanceId) {
        if (device(facilityId, assetNumber).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(register(facilityId, kind, assetNumber, model, ownership, ownerStaffId,
                "初期移行（点検待ち）", by, processInstanceId));
    }

    private Device register(String facilityId, String kind, String assetNumber, String model, String ownership,
                            Long ownerStaffId, String reason, String by, String processInstanceId) {
        long id = Rows.insert(jdbc, """
                INSERT INTO device (facility_id, kind, asset_number, model, ownership, owner_staff_id, state, usable,
                    registered_by, registered_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""", facilityId, kind, assetNumber, model, ownership,
                ownerStaffId, State.CHECK_PENDING.name(), by, now(), processInstanceId);
        openState(id, State.CHECK_PENDING, reason, by, processInstanceId);
        return device(id).orElseThrow();
    }

    /**
     * Records a checklist (every item answered YES / NO / NA) and makes the device usable or not: a failed required
     * item makes it UNUSABLE until it is checked again. Returns the failed items.
     */
    public List<CheckItem> recordCheck(long deviceId, Map<CheckItem, String> answers, String comment, String by,
                                       String processInstanceId) {
        List<CheckItem> failed = answers.entrySet().stream().filter(e -> e.getKey().fails(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>(List.of(deviceId));
        for (CheckItem item : CheckItem.values()) {
            columns.add(item.column());
            params.add(answers.get(item));
        }
        String failedText = failed.stream().map(CheckItem::label).collect(Collectors.joining("、"));
        params.addAll(java.util.Arrays.asList(failed.isEmpty(), failedText.isEmpty() ? null : failedText, comment, by,
                now(), processInstanceId));
        jdbc.sql("INSERT INTO device_check (device_id, " + String.join(", ", columns)
                        + ", passed, failed_items, comment, checked_by, checked_at, process_instance_id) VALUES (?, "
                        + "?, ".repeat(columns.size()) + "?, ?, ?, ?, ?, ?)")
                .params(params).update();
        jdbc.sql("UPDATE device SET usable = ? WHERE id = ?").params(failed.isEmpty(), deviceId).update();
        boolean onLoan = openLoan(deviceId).isPresent();
        changeState(deviceId, failed.isEmpty() ? (onLoan ? State.ON_LOAN : State.IN_USE) : State.UNUSABLE,
                failed.isEmpty() ? "点検に合格" : "点検で不合格: " + failedText, by, processInstanceId);
        return failed;
    }

    /** Closes the open state row and opens the new one (no change when it is already in that state). */
    public void changeState(long deviceId, State state, String reason, String by, String processInstanceId) {
        String current = jdbc.sql("SELECT state FROM device WHERE id = ?").param(deviceId).query(String.class).single();
        if (current.equals(state.name())) {
            return;
        }
        jdbc.sql("UPDATE device_state SET valid_to = ? WHERE device_id = ? AND valid_to IS NULL")
                .params(now(), deviceId).update();
        jdbc.sql("UPDATE device SET state = ? WHERE id = ?").params(state.name(), deviceId).update();
        openState(deviceId, state, reason, by, processInstanceId);
    }

    public void lend(long deviceId, long staffId, String by, String processInstanceId) {
        Rows.insert(jdbc, """
                INSERT INTO device_loan (device_id, staff_id, lent_by, valid_from, process_instance_id)
                VALUES (?, ?, ?, ?, ?)""", deviceId, staffId, by, now(), processInstanceId);
        changeState(deviceId, State.ON_LOAN, "貸与", by, processInstanceId);
    }

    /** Ends the open loan (if any) with the condition the device came back in. */
    public void endLoan(long deviceId, String condition, String by, String processInstanceId) {
        jdbc.sql("""
                UPDATE device_loan SET valid_to = ?, returned_to = ?, return_condition = ?, return_process_instance_id = ?
                WHERE device_id = ? AND valid_to IS NULL""")
                .params(now(), by, condition, processInstanceId, deviceId).update();
    }

    public Optional<Device> device(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(RecordMapper.of(Device.class)).optional();
    }

    public List<Device> devicesOf(String facilityId) {
        return jdbc.sql(SELECT + " WHERE d.facility_id = ? ORDER BY d.asset_number").param(facilityId)
                .query(RecordMapper.of(Device.class)).list();
    }

    /** Devices lent to the person now (A9-1: returned when they leave). */
    public List<Device> onLoanTo(long staffId) {
        return jdbc.sql(SELECT + " WHERE l.staff_id = ? ORDER BY d.asset_number").param(staffId)
                .query(RecordMapper.of(Device.class)).list();
    }

    public Optional<LoanRow> openLoan(long deviceId) {
        return loans(deviceId).stream().filter(l -> l.validTo() == null).findFirst();
    }

    public List<StateRow> states(long deviceId) {
        return jdbc.sql("""
                SELECT state, reason, changed_by, valid_from, valid_to, process_instance_id FROM device_state
                WHERE device_id = ? ORDER BY valid_from, id""").param(deviceId).query(RecordMapper.of(StateRow.class)).list();
    }

    public List<LoanRow> loans(long deviceId) {
        return jdbc.sql("""
                SELECT l.id, l.staff_id, s.user_id, s.name, l.lent_by, l.valid_from, l.valid_to, l.returned_to,
                       l.return_condition, l.process_instance_id, l.return_process_instance_id
                FROM device_loan l JOIN staff s ON s.id = l.staff_id
                WHERE l.device_id = ? ORDER BY l.valid_from, l.id""").param(deviceId).query(RecordMapper.of(LoanRow.class)).list();
    }

    public List<CheckRow> checks(long deviceId) {
        return jdbc.sql("SELECT * FROM device_check WHERE device_id = ? ORDER BY checked_at, id").param(deviceId)
                .query((rs, n) -> {
                    Map<String, String> answers = new java.util.LinkedHashMap<>();
                    for (CheckItem item : CheckItem.values()) {
                        answers.put(item.name(), rs.getString(item.column()));
                    }
                    return new CheckRow(rs.getLong("id"), answers, rs.getBoolean("passed"), rs.getString("failed_items"),
                            rs.getString("comment"), rs.getString("checked_by"),
                            rs.getObject("checked_at", OffsetDateTime.class), rs.getString("process_instance_id"));
                }).list();
    }

    private void openState(long deviceId, State state, String reason, String by, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO device_state (device_id, state, reason, changed_by, valid_from, process_instance_id)
                VALUES (?, ?, ?, ?, ?, ?)""").params(deviceId, state.name(), reason, by, now(), processInstanceId)
                .update();
    }
}
