package org.mcsgov.migration;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.springframework.stereotype.Component;

/**
 * One checked row of an import written into the register through the register's own services (the same groups,
 * authorizations, versions and history as the procedures create). A row whose natural key (facility id, user id) is
 * in the register already writes nothing: running the same files twice creates nothing twice.
 */
@Component
class RowImport {

    /** What a row did: created its entry, or found it (the key and the outcome go into the history). */
    record Outcome(String key, boolean created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String MIGRATION_NOTE = "初期移行";

    private final DirectoryService directory;
    private final FacilityRegister facilities;
    private final PledgeRegister pledges;
    private final Activations activations;

    RowImport(DirectoryService directory, FacilityRegister facilities, PledgeRegister pledges, Activations activations) {
        this.directory = directory;
        this.facilities = facilities;
        this.pledges = pledges;
        this.activations = activations;
    }

    Outcome apply(ImportFile kind, Cells row, long importId, String by, String processInstanceId) {
        return kind == ImportFile.FACILITIES ? facility(row, by, processInstanceId)
                : staff(row, importId, by, processInstanceId);
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
