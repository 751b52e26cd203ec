package org.mcsgov.web;

import org.mcsgov.directory.DirectoryService;
import org.mcsgov.group.GroupService;
import org.mcsgov.platform.Rows;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A free group of the visiting-nurse station with a history, for the register pages' tests: created by nurse-coord,
 * nurse-staff a member (approved by nurse-admin), nurse-mgr a member who left with a reason. Found again when it
 * exists (the PostgreSQL profile shares one database between the integration tests).
 */
final class RegisterFixtures {

    static final String NURSE_GROUP = "訪問看護ステーション 連絡グループ";
    static final String LEFT_REASON = "担当を外れたため（N3-6）";
    static final String CORRECTED_FROM = "高橋 旧表記";
    private static final String SOURCE = "register-fixture";

    private final GroupService groups;
    private final DirectoryService directory;
    private final JdbcClient jdbc;

    RegisterFixtures(ApplicationContext context) {
        this.groups = context.getBean(GroupService.class);
        this.directory = context.getBean(DirectoryService.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    long nurseGroup() {
        var existing = jdbc.sql("SELECT id FROM patient_group WHERE facility_id = 'nurse' AND name = ?")
                .param(NURSE_GROUP).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long coordinator = directory.staffByUserId("nurse-coord").orElseThrow().id();
        long staff = directory.staffByUserId("nurse-staff").orElseThrow().id();
        long manager = directory.staffByUserId("nurse-mgr").orElseThrow().id();
        var group = groups.requestFreeGroup("nurse", coordinator, NURSE_GROUP, "訪問予定の調整（患者情報は投稿しない）",
                "nurse-coord", SOURCE);
        groups.activate(group.id(), "nurse-coord", SOURCE);
        groups.openMembership(group.id(), staff, "MEMBER", "nurse-coord", "nurse-admin", null, SOURCE);
        groups.openMembership(group.id(), manager, "MEMBER", "nurse-coord", "nurse-admin", null, SOURCE);
        long managersMembership = groups.currentMembers(group.id()).stream().filter(m -> m.staffId() == manager)
                .findFirst().orElseThrow().membershipId();
        groups.closeMembership(managersMembership, "nurse-admin", LEFT_REASON, SOURCE);
        return group.id();
    }

    /** An open review campaign of the nurse station with its group reviewed by nurse-coord (as if just opened). */
    long reviewCampaign(long groupId) {
        var existing = jdbc.sql("SELECT campaign_id FROM group_review WHERE group_id = ?").param(groupId)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var now = Rows.now();
        long campaign = Rows.insert(jdbc, """
                INSERT INTO review_campaign (facility_id, started_by, started_at, deadline, default_decision, status,
                    process_instance_id) VALUES ('nurse', 'nurse-admin', ?, ?, 'NO_CHANGE', 'OPEN', ?)""",
                now, now, SOURCE);
        jdbc.sql("""
                INSERT INTO group_review (campaign_id, group_id, facility_id, chunk_no, reviewer_user_id, status)
                VALUES (?, ?, 'nurse', 0, 'nurse-coord', 'OPEN')""").params(campaign, groupId).update();
        return campaign;
    }

    static final String CLINIC_LINK_GROUP = "クリニック 往診連絡グループ";

    /** A free group of the clinic with nurse-staff (of the station) a member: her administrator reads that row. */
    long clinicGroupWithNurse() {
        var existing = jdbc.sql("SELECT id FROM patient_group WHERE facility_id = 'clinic' AND name = ?")
                .param(CLINIC_LINK_GROUP).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var group = groups.requestFreeGroup("clinic", staffId("clinic-coord"), CLINIC_LINK_GROUP,
                "往診の日程調整（患者情報は投稿しない）", "clinic-coord", SOURCE);
        groups.activate(group.id(), "clinic-coord", SOURCE);
        groups.openMembership(group.id(), staffId("nurse-staff"), "MEMBER", "clinic-coord", "nurse-admin", null,
                SOURCE);
        return group.id();
    }

    long clinicGroup() {
        return jdbc.sql("SELECT id FROM patient_group WHERE facility_id = 'clinic' AND name = '山田 太郎様'")
                .query(Long.class).single();
    }

    /** nurse-staff's name corrected by nurse-admin (register-correction), once. */
    void correction() {
        if (jdbc.sql("SELECT COUNT(*) FROM correction WHERE old_value = ?").param(CORRECTED_FROM).query(Long.class)
                .single() == 0) {
            jdbc.sql("""
                    INSERT INTO correction (facility_id, kind, record_key, record_label, field, old_value, new_value,
                        reason, status, requested_by, requested_at, decided_by, decided_at, process_instance_id)
                    VALUES ('nurse', 'STAFF', ?, 'nurse-staff', 'STAFF_NAME', ?, '高橋 新表記', '入力誤り', 'APPLIED',
                        'nurse-admin', CURRENT_TIMESTAMP, 'nurse-admin', CURRENT_TIMESTAMP, ?)""")
                    .params(String.valueOf(staffId("nurse-staff")), CORRECTED_FROM, SOURCE).update();
        }
    }

    long staffId(String userId) {
        return directory.staffByUserId(userId).orElseThrow().id();
    }
}
