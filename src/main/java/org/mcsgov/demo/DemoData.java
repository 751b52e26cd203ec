package org.mcsgov.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.mcsgov.device.CheckItem;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.Facility;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.GroupService;
import org.mcsgov.patient.Consent;
import org.mcsgov.patient.PatientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo register for `mvn spring-boot:run` (profile demo): the association office, a clinic (the originating
 * facility), a visiting-nurse station, a pharmacy and a care-manager office, each with a manager, an MCS
 * administrator, a coordinator and a staff member; three patients of the clinic; a few checked devices per facility,
 * the station's smartphone lent to its nurse. Written once, on an empty register.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "mcs.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String SOURCE = "demo-data";

    private final DirectoryService directory;
    private final PatientService patients;
    private final GroupService groups;
    private final DeviceService devices;
    private final TransactionTemplate transaction;
    private final String password;
    private final String port;

    public DemoData(DirectoryService directory, PatientService patients, GroupService groups, DeviceService devices,
                    TransactionTemplate transaction, DemoProperties settings,
                    @Value("${server.port:8080}") String port) {
        this.directory = directory;
        this.patients = patients;
        this.groups = groups;
        this.devices = devices;
        this.transaction = transaction;
        this.password = settings.password();
        this.port = port;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.facility("clinic").isEmpty()) {
            transaction.executeWithoutResult(status -> load());
        }
        log.info("""

                ==== MCS運用ワークフロー (demo) ====
                Tasklist: http://localhost:{}/camunda/app/tasklist/   Cockpit: http://localhost:{}/camunda/app/cockpit/
                Logins (password {}): clinic-coord (診療所 担当者), clinic-admin, clinic-mgr, clinic-staff,
                  nurse-admin / nurse-coord / nurse-staff (訪問看護), pharm-admin / pharm-staff (薬局),
                  care-admin / care-staff (居宅介護支援), office (医師会事務局, 閲覧のみ); system admin: admin / admin1234
                """, port, port, password);
    }

    private void load() {
        facility("ishikai", "小平市医師会 事務局", FacilityKind.ASSOCIATION, false);
        person("office", "ishikai", "事務局 花子", "ジムキョク ハナコ", "事務", Role.OFFICE);

        facility("clinic", "こだいら在宅クリニック", FacilityKind.CLINIC, true);
        person("clinic-mgr", "clinic", "小平 一郎", "コダイラ イチロウ", "医師", Role.MANAGER);
        person("clinic-admin", "clinic", "鈴木 直美", "スズキ ナオミ", "事務", Role.MCS_ADMIN);
        Staff coordinator = person("clinic-coord", "clinic", "田中 健", "タナカ ケン", "医師", Role.COORDINATOR);
        person("clinic-staff", "clinic", "伊藤 さくら", "イトウ サクラ", "看護師");

        facility("nurse", "さくら訪問看護ステーション", FacilityKind.VISITING_NURSE, true);
        person("nurse-mgr", "nurse", "佐藤 由美", "サトウ ユミ", "看護師", Role.MANAGER);
        person("nurse-admin", "nurse", "高橋 恵", "タカハシ メグミ", "看護師", Role.MCS_ADMIN);
        person("nurse-coord", "nurse", "渡辺 亮", "ワタナベ リョウ", "看護師", Role.COORDINATOR);
        Staff nurse = person("nurse-staff", "nurse", "中村 愛", "ナカムラ アイ", "看護師");

        facility("pharm", "みどり薬局", FacilityKind.PHARMACY, true);
        person("pharm-mgr", "pharm", "小林 誠", "コバヤシ マコト", "薬剤師", Role.MANAGER);
        person("pharm-admin", "pharm", "加藤 舞", "カトウ マイ", "薬剤師", Role.MCS_ADMIN);
        person("pharm-staff", "pharm", "吉田 翔", "ヨシダ ショウ", "薬剤師");

        facility("care", "けやき居宅介護支援事業所", FacilityKind.CARE_MANAGER, true);
        person("care-mgr", "care", "山本 和子", "ヤマモト カズコ", "介護支援専門員", Role.MANAGER);
        person("care-admin", "care", "松本 浩", "マツモト ヒロシ", "介護支援専門員", Role.MCS_ADMIN);
        person("care-staff", "care", "井上 優", "イノウエ ユウ", "介護支援専門員");

        var withGroup = patients.registerOrFind("clinic", "山田 太郎", "ヤマダ タロウ", LocalDate.of(1938, 4, 12), SOURCE);
        consent(withGroup.id());
        var group = groups.requestPatientGroup(withGroup.id(), "clinic", coordinator.id(), "山田 太郎様", null, false,
                coordinator.userId(), SOURCE);
        groups.activate(group.id(), coordinator.userId(), SOURCE);
        var consentedOnly = patients.registerOrFind("clinic", "木村 花", "キムラ ハナ", LocalDate.of(1944, 9, 3), SOURCE);
        consent(consentedOnly.id());
        patients.registerOrFind("clinic", "林 正男", "ハヤシ マサオ", LocalDate.of(1951, 1, 20), SOURCE);

        device("clinic", "PC", "CL-PC-01", "ノートPC（事務室）");
        device("clinic", "TABLET", "CL-TAB-01", "タブレット（往診用）");
        device("nurse", "TABLET", "NS-TAB-01", "タブレット（訪問用 1）");
        device("nurse", "TABLET", "NS-TAB-02", "タブレット（訪問用 2）");
        devices.lend(device("nurse", "SMARTPHONE", "NS-SP-01", "スマートフォン（訪問用）"), nurse.id(), SOURCE, SOURCE);
        device("pharm", "PC", "PH-PC-01", "デスクトップPC（調剤室）");
        device("care", "TABLET", "CM-TAB-01", "タブレット（訪問用）");
        log.info("demo register written: 5 facilities, patients {}, group {} with coordinator {} (nurse {} not yet invited)",
                List.of(withGroup.id(), consentedOnly.id()), group.id(), coordinator.userId(), nurse.userId());
    }

    private void facility(String id, String name, FacilityKind kind, boolean usesMcs) {
        directory.createFacility(new Facility(id, name, kind, usesMcs));
    }

    private Staff person(String userId, String facilityId, String name, String kana, String profession, Role... roles) {
        return directory.registerStaff(new NewStaff(facilityId, userId, name, kana, profession,
                userId + "@example.jp", password, roles.length == 0 ? Set.of() : Set.of(roles)), SOURCE, SOURCE);
    }

    /** A facility-owned device that passed its security checklist (A12-1..A12-8). */
    private long device(String facilityId, String kind, String asset, String model) {
        long id = devices.register(facilityId, kind, asset, model, "FACILITY", null, SOURCE, SOURCE).id();
        devices.recordCheck(id, CheckItem.answeredAll("YES"), "導入時の点検", SOURCE, SOURCE);
        return id;
    }

    private void consent(long patientId) {
        patients.recordConsent(patientId, new Consent("在宅療養の情報を主治医・訪問看護・薬局・ケアマネと共有する",
                "PATIENT", "本人", null, "WRITTEN", LocalDate.of(2026, 4, 1), "同意書-2026-001"), SOURCE, SOURCE);
    }
}
