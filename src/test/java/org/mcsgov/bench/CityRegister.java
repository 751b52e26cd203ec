package org.mcsgov.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A city's register for benchmarks and page timings: originating clinics with one coordinator and one MCS
 * administrator each, partner facilities with staff, and per clinic many consented patients each with an active
 * patient group (coordinator + members). Facilities go through DirectoryService (their Camunda groups and
 * authorizations); the clinics' coordinators and administrators become Camunda users; everything else is
 * written with JDBC batch inserts straight into the register tables, as a migration of an existing register
 * would be. Every id carries a random prefix, so a load never collides with earlier ones on a shared database.
 *
 * <pre>
 * CityRegister.City city = new CityRegister(jdbcTemplate, directory, identityService).load(CityRegister.Shape.CITY);
 * </pre>
 */
public class CityRegister {

    /** How big: shape CITY is 10,000 groups and 50,000 memberships (100 clinics × 100 groups × 5 members). */
    public record Shape(int clinics, int groupsPerClinic, int membersPerGroup, int partners, int staffPerPartner) {
        public static final Shape CITY = new Shape(100, 100, 4, 100, 20);

        public int groups() {
            return clinics * groupsPerClinic;
        }

        /** Memberships including each group's coordinator. */
        public int memberships() {
            return groups() * (membersPerGroup + 1);
        }
    }

    /** What was loaded: clinic ids, their coordinators' and administrators' logins, all group ids. */
    public record City(String prefix, List<String> clinics, List<String> partners, Map<String, String> coordinatorOf,
                       Map<String, String> adminOf, List<Long> groupIds, long memberships) {
    }

    /** Password of the clinics' coordinators and administrators. */
    public static final String PASSWORD = "city1234";

    private static final int BATCH = 1000;
    private static final String[] PROFESSIONS = {"看護師", "薬剤師", "介護支援専門員", "理学療法士"};

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;
    private final IdentityService identityService;

    public CityRegister(JdbcTemplate jdbc, DirectoryService directory, IdentityService identityService) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.identityService = identityService;
    }

    public City load(Shape shape) {
        String prefix = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        Timestamp now = Timestamp.from(Instant.now());
        List<String> clinics = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        for (int c = 0; c < shape.clinics(); c++) {
            clinics.add(facility(prefix + "cl" + c, "市内クリニック " + prefix + "-" + c, FacilityKind.CLINIC));
        }
        for (int p = 0; p < shape.partners(); p++) {
            partners.add(facility(prefix + "pa" + p, "訪問看護・薬局 " + prefix + "-" + p,
                    p % 2 == 0 ? FacilityKind.VISITING_NURSE : FacilityKind.PHARMACY));
        }

        List<Object[]> staff = new ArrayList<>();
        Map<String, String> coordinatorOf = new HashMap<>();
        Map<String, String> adminOf = new HashMap<>();
        for (String clinic : clinics) {
            coordinatorOf.put(clinic, clinic + "-coord");
            adminOf.put(clinic, clinic + "-admin");
            staff.add(staffRow(clinic, clinic + "-coord", "医師", now));
            staff.add(staffRow(clinic, clinic + "-admin", "事務", now));
        }
        for (String partner : partners) {
            for (int s = 0; s < shape.staffPerPartner(); s++) {
                staff.add(staffRow(partner, partner + "-s" + s, PROFESSIONS[s % PROFESSIONS.length], now));
            }
        }
        batch("""
                INSERT INTO staff (facility_id, user_id, name, kana, profession, email, live_email, status, created_at,
                    activated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""", staff);
        Map<String, Long> staffIds = new HashMap<>();
        jdbc.query("SELECT id, user_id FROM staff WHERE user_id LIKE ?",
                rs -> { staffIds.put(rs.getString(2), rs.getLong(1)); }, prefix + "%");

        List<Object[]> roles = new ArrayList<>();
        for (String clinic : clinics) {
            roles.add(new Object[] {staffIds.get(clinic + "-coord"), clinic, Role.COORDINATOR.name(), now});
            roles.add(new Object[] {staffIds.get(clinic + "-admin"), clinic, Role.MCS_ADMIN.name(), now});
        }
        for (String partner : partners) {
            for (int s = 0; s < shape.staffPerPartner(); s++) {
                roles.add(new Object[] {staffIds.get(partner + "-s" + s), partner, Role.STAFF.name(), now});
            }
            roles.add(new Object[] {staffIds.get(partner + "-s0"), partner, Role.MCS_ADMIN.name(), now});
        }
        batch("""
                INSERT INTO role_assignment (staff_id, facility_id, role, valid_from, granted_by)
                VALUES (?, ?, ?, ?, 'bench')""", roles);
        for (String clinic : clinics) {
            camundaUser(coordinatorOf.get(clinic), Role.COORDINATOR.groupId(clinic));
            camundaUser(adminOf.get(clinic), Role.MCS_ADMIN.groupId(clinic));
        }

        List<Object[]> patients = new ArrayList<>();
        for (String clinic : clinics) {
            for (int g = 0; g < shape.groupsPerClinic(); g++) {
                patients.add(new Object[] {clinic, "患者 " + clinic + "-" + g, kana(clinic, g),
                        Date.valueOf(LocalDate.of(1930 + g % 60, 1 + g % 12, 1 + g % 28)), now});
            }
        }
        batch("INSERT INTO patient (facility_id, name, kana, birth_date, created_at) VALUES (?, ?, ?, ?, ?)", patients);
        Map<String, Long> patientIds = new HashMap<>();
        jdbc.query("SELECT id, kana FROM patient WHERE facility_id LIKE ?",
                rs -> { patientIds.put(rs.getString(2), rs.getLong(1)); }, prefix + "%");
        batch("""
                INSERT INTO consent (patient_id, status, explanation, consenter_type, consenter_name, method,
                    consent_date, recorded_by, recorded_at, process_instance_id)
                VALUES (?, 'GRANTED', '説明済み', 'PATIENT', '本人', 'WRITTEN', ?, 'bench', ?, 'bench')""",
                patientIds.values().stream().map(id -> new Object[] {id, Date.valueOf(LocalDate.now()), now}).toList());

        List<Object[]> groups = new ArrayList<>();
        for (String clinic : clinics) {
            long coordinator = staffIds.get(clinic + "-coord");
            for (int g = 0; g < shape.groupsPerClinic(); g++) {
                long patient = patientIds.get(kana(clinic, g));
                groups.add(new Object[] {clinic, patient, patient, "患者 " + clinic + "-" + g + "様", coordinator,
                        coordinatorOf.get(clinic), now, now});
            }
        }
        batch("""
                INSERT INTO patient_group (kind, facility_id, patient_id, live_patient_id, name, status,
                    coordinator_staff_id, requested_by, requested_at, activated_at, process_instance_id)
                VALUES ('PATIENT', ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, 'bench')""", groups);
        List<long[]> groupRows = jdbc.query("""
                SELECT id, coordinator_staff_id FROM patient_group WHERE facility_id LIKE ? ORDER BY id""",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, prefix + "%");
        batch("""
                INSERT INTO coordinator_history (group_id, staff_id, valid_from, changed_by, reason, process_instance_id)
                VALUES (?, ?, ?, 'bench', 'グループ作成', 'bench')""",
                groupRows.stream().map(g -> new Object[] {g[0], g[1], now}).toList());

        List<Object[]> memberships = new ArrayList<>();
        int partnerStaff = shape.partners() * shape.staffPerPartner();
        for (int i = 0; i < groupRows.size(); i++) {
            long[] group = groupRows.get(i);
            memberships.add(new Object[] {group[0], group[1], "COORDINATOR", now, "bench", "bench"});
            for (int m = 0; m < shape.membersPerGroup(); m++) {
                int n = (i * shape.membersPerGroup() + m * 7919) % partnerStaff;
                String userId = partners.get(n / shape.staffPerPartner()) + "-s" + (n % shape.staffPerPartner());
                memberships.add(new Object[] {group[0], staffIds.get(userId), "MEMBER", now, "bench", "bench"});
            }
        }
        batch("""
                INSERT INTO membership (group_id, staff_id, role, valid_from, invited_by, approved_by,
                    opened_process_instance_id) VALUES (?, ?, ?, ?, ?, ?, 'bench')""", memberships);
        return new City(prefix, clinics, partners, coordinatorOf, adminOf,
                groupRows.stream().map(g -> g[0]).toList(), memberships.size());
    }

    private String facility(String id, String name, FacilityKind kind) {
        directory.createFacility(new Facility(id, name, kind, true));
        return id;
    }

    private void camundaUser(String userId, String groupId) {
        var user = identityService.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("市内");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(userId, groupId);
    }

    private static Object[] staffRow(String facility, String userId, String profession, Timestamp now) {
        String email = userId + "@city.example.jp";
        return new Object[] {facility, userId, "職員 " + userId, "ショクイン", profession, email, email, now, now, now};
    }

    private static String kana(String clinic, int g) {
        return "カンジャ" + clinic + "-" + g;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
