package org.mcsgov;

import java.util.Set;
import java.util.UUID;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;

/**
 * A facility of its own for each test, with unique ids, so tests never depend on what else the database
 * holds (the PostgreSQL profile runs on a shared database).
 */
public final class Fixture {

    public static final String PASSWORD = "test1234";

    public final String facilityId;
    private final DirectoryService directory;

    private Fixture(DirectoryService directory, String facilityId) {
        this.directory = directory;
        this.facilityId = facilityId;
    }

    public static Fixture facility(DirectoryService directory, FacilityKind kind) {
        String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        directory.createFacility(new Facility(id, "テスト事業所 " + id, kind, true));
        return new Fixture(directory, id);
    }

    /** A person of this facility: user id "<facility>-<suffix>". */
    public Staff person(String suffix, Role... roles) {
        return directory.registerStaff(new NewStaff(facilityId, facilityId + "-" + suffix, "試験 " + suffix,
                "シケン", "看護師", facilityId + "-" + suffix + "@example.jp", PASSWORD, Set.of(roles)),
                "test", null);
    }

    public String user(String suffix) {
        return facilityId + "-" + suffix;
    }
}
