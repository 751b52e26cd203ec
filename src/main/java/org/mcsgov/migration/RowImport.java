package org.mcsgov.migration;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.Consent;
import org.mcsgov.patient.PatientService;
import org.springframework.stereotype.Component;

/**
 * One checked row of an import written into the register through the register's own services (the same groups,
 * authorizations, versions and history as the procedures create). A row whose natural key (facility id, user id;
 * patient: facility, kana, birth date; group: facility and MCS group name; membership: group and person; device:
 * facility and asset number) is in the register already writes nothing: running the same files twice creates
 * nothing twice.
 */
@Component
class RowImport {

    /** What a row did: created its entry, or found it (the key and the outcome go into the history). */
    record Outcome(String key, boolean created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String MIGRATION_NOTE = "初期移行";
    /** What a migrated consent's explanation says: it was given before the register, on paper at the facility. */
    static final String MIGRATED_CONSENT = "初期移行: 移行時点で同意の記録あり（同意書は事業所で保管）";

    private final DirectoryService directory;
    private final FacilityRegister facilities;
    private final PledgeRegister pledges;
    private final Activations activations;
    private final PatientService patients;
    private final GroupService groups;
    private final DeviceService devices;

    RowImport(DirectoryService directory, FacilityRegister facilities, PledgeRegister pledges, Activations activations,
              PatientService patients, GroupService groups, DeviceService devices) {
        this.directory = directory;
        this.facilities = facilities;
        this.pledges = pledges;
        this.activations = activations;
        this.patients = patients;
        this.groups = groups;
        this.devices = devices;
    }

    /** The writer of one chunk (one transaction): people and groups looked up once, memberships written as a batch. */
    Writer writer(long importId, String by, String processInstanceId) {
        return new Writer(importId, by, processInstanceId);
    }

    final class Writer {
        private final long importId;
        private final String by;
        private final String processInstanceId;
        private final Map<String, Long> staffIds = new HashMap<>();
        private final Map<String, Long> groupIds = new HashMap<>();
        private final List<GroupService.MigratedMembership> memberships = new ArrayList<>();
        private final Set<String> queued = new HashSet<>();

        private Writer(long importId, String by, String processInstanceId) {
            this.importId = importId;
            this.by = by;
            this.processInstanceId = processInstanceId;
        }

        Outcome apply(ImportFile kind, Cells row) {
            return switch (kind) {
                case FACILITIES -> facility(row, by, processInstanceId);
                case STAFF -> staff(row, importId, by, processInstanceId);
                case PATIENTS -> patient(row);
                case GROUPS -> group(row);
                case MEMBERSHIPS -> membership(row);
                case DEVICES -> device(row);
            };
        }

        /** The memberships of the chunk, in one batch (before the chunk's migrated rows are recorded). */
        void flush() {
            if (!memberships.isEmpty()) {
                groups.migrateMemberships(memberships, "MEMBER", processInstanceId);
                memberships.clear();
            }
        }

        /** A patient with the consent on record at migration (A6): method MIGRATED, the paper kept at the facility. */
        private Outcome patient(Cells row) {
            String facility = row.get("事業所ID");
            String kana = row.get("ふりがな");
            LocalDate birth = RowChecks.date(row.get("生年月日"));
            String key = facility + "/" + kana + "/" + birth;
            String consenter = RowChecks.CONSENTERS.get(row.get("同意者（本人・家族）"));
            boolean family = "FAMILY".equals(consenter);
            Consent consent = new Consent(MIGRATED_CONSENT, consenter, family ? row.get("同意者氏名") : row.get("氏名"),
                    family ? row.get("続柄") : null, PatientService.MIGRATED, RowChecks.date(row.get("同意日")),
                    row.get("同意書の番号").isEmpty() ? null : row.get("同意書の番号"));
            return new Outcome(key, patients.migrate(facility, row.get("氏名"), kana, birth, consent, by,
                    processInstanceId).isPresent());
        }

        /** A group active since its start with its coordinator; a patient group with its patient (N1-1). */
        private Outcome group(Cells row) {
            String facility = row.get("事業所ID");
            String name = row.get("グループ名");
            String key = facility + "/" + name;
            if (groups.liveGroup(facility, name).isPresent()) {
                return new Outcome(key, false);
            }
            String kind = RowChecks.GROUP_KINDS.get(row.get("種別"));
            Long patientId = null;
            if ("PATIENT".equals(kind)) {
                patientId = patients.patient(facility, row.get("患者のふりがな"),
                        RowChecks.date(row.get("患者の生年月日"))).orElseThrow(() -> new IllegalStateException(
                                "patient missing for group " + key)).id();
            }
            String purpose = row.get("目的");
            Group group = groups.migrateGroup(kind, facility, patientId, name, purpose.isEmpty() ? null : purpose,
                    staffId(row.get("コーディネーターのユーザーID")), RowChecks.date(row.get("開始日")), by,
                    processInstanceId);
            groupIds.put(key, group.id());
            return new Outcome(key, true);
        }

        /** A current membership since the day the person joined in MCS; queued for the chunk's batch. */
        private Outcome membership(Cells row) {
            String group = row.get("事業所ID") + "/" + row.get("グループ名");
            String userId = row.get("ユーザーID");
            String key = group + "/" + userId;
            Long groupId = groupIds.computeIfAbsent(group, g -> groups.liveGroup(row.get("事業所ID"),
                    row.get("グループ名")).orElseThrow(() -> new IllegalStateException("group missing: " + g)).id());
            long staffId = staffId(userId);
            if (!queued.add(key) || groups.isCurrentMember(groupId, staffId)) {
                return new Outcome(key, false);
            }
            memberships.add(new GroupService.MigratedMembership(groupId, staffId, RowChecks.date(row.get("参加日"))));
            return new Outcome(key, true);
        }

        /** A device waiting for its security checklist (A12-1..A12-8) before it is usable. */
        private Outcome device(Cells row) {
            String facility = row.get("事業所ID");
            String asset = row.get("資産番号");
            String owner = row.get("所有者のユーザーID");
            return new Outcome(facility + "/" + asset, devices.migrate(facility,
                    RowChecks.DEVICE_KINDS.get(row.get("種類")), asset, row.get("機種"),
                    RowChecks.OWNERSHIPS.get(row.get("所有")), owner.isEmpty() ? null : staffId(owner), by,
                    processInstanceId).isPresent());
        }

        private long staffId(String userId) {
            return staffIds.computeIfAbsent(userId, u -> directory.staffByUserId(u)
                    .orElseThrow(() -> new IllegalStateException("staff missing: " + u)).id());
        }
    }

    /** A facility already using MCS takes part from its migration: recorded, approved and active at once (A7). */
    private Outcome facility(Cells row, String by, String processInstanceId) {
        String id = row.get("事業所ID");
        if (directory.facility(id).isPresent()) {
            return new Outcome(id, false);
        }
        facilities.apply(new FacilityRegister.Application(id, row.get("事業所名"), RowChecks.KINDS.get(row.get("種別")),
                row.get("住所"), row.get("電話番号"), "はい".equals(row.get("MCS利用")),
                RowChecks.date(row.get("連携守秘誓約書の締結日"))), by, processInstanceId);
        facilities.approve(id, by, MIGRATION_NOTE, processInstanceId);
        facilities.activate(id, by, processInstanceId);
        return new Outcome(id, true);
    }

    /**
     * A person with their one account and roles (A8-5, A11-2); the pledge they signed on paper is on record at
     * migration (A9-1). The account's password is random and never stored in plain or shown: nobody can log in
     * until the person sets their own with the mailed activation link (Activations, README 本番導入の手順).
     */
    private Outcome staff(Cells row, long importId, String by, String processInstanceId) {
        String userId = row.get("ユーザーID");
        if (directory.staffByUserId(userId).isPresent()) {
            return new Outcome(userId, false);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        RowChecks.roleLabels(row.get("役割")).forEach(label -> roles.add(RowChecks.ROLES.get(label)));
        String unusable = unusablePassword();
        Staff pending = directory.registerPending(new NewStaff(row.get("事業所ID"), userId, row.get("氏名"),
                row.get("ふりがな"), row.get("職種"), row.get("メールアドレス"), unusable, roles), processInstanceId);
        pledges.record(pending, PledgeRegister.Status.MIGRATED, by, processInstanceId);
        Staff active = directory.activate(pending.id(), unusable, roles, by, processInstanceId, true);
        activations.await(active, importId, by);
        return new Outcome(userId, true);
    }

    /** 256 random bits with a letter and a digit, so the password policy (A11-3) accepts what nobody will ever know. */
    private static String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "m1" + HexFormat.of().formatHex(bytes);
    }

    /** A row's cells by their Japanese header. */
    record Cells(ImportFile kind, CsvText.Row row) {
        String get(String column) {
            return row.cells().get(kind.headers().indexOf(column));
        }
    }
}
