package org.mcsgov.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.device.Device;
import org.mcsgov.device.DeviceService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.mcsgov.group.Member;
import org.mcsgov.patient.Patient;
import org.mcsgov.patient.PatientService;
import org.mcsgov.platform.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

@DisplayName("register-import (初期移行): patients with their consent, groups, memberships since their day, devices (A4, A5, A6, A7, A8-2)")
class RegisterImportFilesTest extends ProcessTestSupport {

    @Autowired ImportChunks chunks;
    @Autowired JdbcClient jdbc;
    @Autowired PatientService patients;
    @Autowired GroupService groups;
    @Autowired DeviceService devices;

    private String office;
    private String f;

    @BeforeEach
    void office() {
        office = Fixture.facility(directory, FacilityKind.ASSOCIATION).person("office", Role.OFFICE).userId();
        f = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterEach
    void chunkSize() {
        ReflectionTestUtils.setField(chunks, "chunkRows", 500);
    }

    private Map<String, Object> files() {
        Map<String, Object> files = new HashMap<>();
        files.put("facilitiesCsv", csv(ImportFile.FACILITIES,
                f + ",ひばり在宅診療所,診療所,東京都小平市小川町1-1,042-000-0001,はい,2022/08/01"));
        StringBuilder staff = new StringBuilder();
        String[] roles = {"事業所管理者・MCS管理者", "担当者", "", "", ""};
        for (int i = 0; i < roles.length; i++) {
            staff.append(f).append(',').append(f).append("-p").append(i).append(",移行 ").append(i)
                    .append(",イコウ,看護師,").append(f).append("-p").append(i).append("@example.jp,").append(roles[i])
                    .append("\r\n");
        }
        files.put("staffCsv", csv(ImportFile.STAFF, staff.toString().strip()));
        files.put("patientsCsv", csv(ImportFile.PATIENTS,
                f + ",移行 患者一,イコウ カンジャイチ,1940/01/02,2023/04/01,本人,,,同意書-1",
                f + ",移行 患者二,イコウ カンジャニ,1941-02-03,2023-04-02,家族,移行 家族,長男,"));
        files.put("groupsCsv", csv(ImportFile.GROUPS,
                f + ",患者一さん,患者,イコウ カンジャイチ,1940/01/02,," + f + "-p1,2023/04/10",
                f + ",地域連携,フリー,,,多職種の連絡," + f + "-p1,2023/01/01"));
        files.put("membershipsCsv", csv(ImportFile.MEMBERSHIPS,
                f + ",患者一さん," + f + "-p1,2023/04/10",
                f + ",患者一さん," + f + "-p2,2023/04/12",
                f + ",地域連携," + f + "-p3,2023/01/05"));
        files.put("devicesCsv", csv(ImportFile.DEVICES,
                f + ",PC-1,パソコン,ノートPC（受付）,事業所所有,",
                f + ",SP-1,スマートフォン,私物スマートフォン,個人所有," + f + "-p2"));
        return files;
    }

    private static String csv(ImportFile kind, String... rows) {
        return String.join(",", kind.headers()) + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    private ProcessInstance confirmAndRun(Map<String, Object> files) {
        ProcessInstance instance = start(office, "register-import", files);
        assertThat(instance).isWaitingAt("UserTask_Confirm");
        complete(instance, office, Map.of("importDecision", "import"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Imported");
        return instance;
    }

    private long importId(ProcessInstance instance) {
        return count("SELECT id FROM register_import WHERE process_instance_id = ?", instance.getId());
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    @DisplayName("A4, A5-2, A6, A8-2: patients with consent on record at migration, groups active since their start, memberships since their day, devices waiting for their check")
    void imported() {
        ReflectionTestUtils.setField(chunks, "chunkRows", 2);
        ProcessInstance instance = start(office, "register-import", files());
        String summary = runtimeService.getVariable(instance.getId(), "importSummary").toString();
        assertThat(summary).contains("患者（患者.csv、UTF-8）: 2行、新規 2", "グループ（グループ.csv、UTF-8）: 2行、新規 2",
                "メンバー（メンバー.csv、UTF-8）: 3行、新規 2、台帳に既にある 1", "端末（端末.csv、UTF-8）: 2行、新規 2");
        complete(instance, office, Map.of("importDecision", "import"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Imported");

        Patient one = patients.patient(f, "イコウ カンジャイチ", LocalDate.of(1940, 1, 2)).orElseThrow();
        assertThat(patients.hasActiveConsent(one.id())).isTrue();
        assertThat(count("SELECT COUNT(*) FROM consent WHERE patient_id = ? AND method = 'MIGRATED' AND recorded_by = ? "
                + "AND consent_date = ? AND document_ref = '同意書-1'", one.id(), office, LocalDate.of(2023, 4, 1))).isOne();
        Patient two = patients.patient(f, "イコウ カンジャニ", LocalDate.of(1941, 2, 3)).orElseThrow();
        assertThat(count("SELECT COUNT(*) FROM consent WHERE patient_id = ? AND consenter_type = 'FAMILY' "
                + "AND consenter_relation = '長男' AND method = 'MIGRATED'", two.id())).isOne();

        Group patientGroup = groups.liveGroup(f, "患者一さん").orElseThrow();
        assertThat(patientGroup.status()).isEqualTo("ACTIVE");
        assertThat(patientGroup.patientId()).isEqualTo(one.id());
        assertThat(groups.liveGroupOf(one.id())).isPresent();
        Group free = groups.liveGroup(f, "地域連携").orElseThrow();
        assertThat(free.kind()).isEqualTo("FREE");
        assertThat(free.purpose()).isEqualTo("多職種の連絡");
        assertThat(groups.currentMembers(patientGroup.id())).extracting(Member::userId)
                .containsExactlyInAnyOrder(f + "-p1", f + "-p2");
        Member p2 = groups.currentMembers(patientGroup.id()).stream().filter(m -> m.userId().equals(f + "-p2"))
                .findFirst().orElseThrow();
        assertThat(p2.invitedBy()).isEqualTo("初期移行");
        assertThat(p2.approvedBy()).isEqualTo("初期移行");
        assertThat(p2.validFrom().atZoneSameInstant(EngineClock.ZONE).toLocalDate()).isEqualTo(LocalDate.of(2023, 4, 12));
        assertThat(groups.membersOn(patientGroup.id(), LocalDate.of(2023, 4, 11))).extracting(Member::userId)
                .containsExactly(f + "-p1");
        assertThat(count("SELECT COUNT(*) FROM coordinator_history WHERE group_id = ? AND reason = '初期移行'",
                patientGroup.id())).isOne();

        assertThat(devices.devicesOf(f)).extracting(Device::assetNumber).containsExactlyInAnyOrder("PC-1", "SP-1");
        Device phone = devices.device(f, "SP-1").orElseThrow();
        assertThat(phone.ownership()).isEqualTo("PERSONAL");
        assertThat(phone.state()).isEqualTo("CHECK_PENDING");
        assertThat(phone.usable()).isFalse();

        long importId = importId(instance);
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ?", importId)).isEqualTo(15);
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ? AND kind = 'MEMBERSHIPS' "
                + "AND outcome = 'EXISTING' AND line = 2", importId)).as("the coordinator's row").isOne();
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ? AND file_name = '端末.csv' AND line = 3 "
                + "AND natural_key = ?", importId, f + "/SP-1")).isOne();
    }

    @Test
    @DisplayName("A7: unknown facility, person, patient or group, a bad date and a row twice: file, line, column and reason in Japanese")
    void errors() {
        Map<String, Object> files = files();
        files.put("patientsCsv", csv(ImportFile.PATIENTS,
                "nowhere-x,移行 患者一,イコウ カンジャイチ,1940/01/02,2023/04/01,本人,,,"));
        files.put("groupsCsv", csv(ImportFile.GROUPS,
                f + ",患者一さん,患者,イコウ ダレカ,1940/01/02,," + f + "-p1,2023/04/10",
                f + ",地域連携,フリー,,,多職種の連絡," + f + "-zz,2023/01/01"));
        files.put("membershipsCsv", csv(ImportFile.MEMBERSHIPS,
                f + ",地域連携," + f + "-p2,2023/13/40",
                f + ",地域連携," + f + "-p3,2023/01/05",
                f + ",地域連携," + f + "-p3,2023/01/06",
                f + ",どこにもない," + f + "-p4,2023/01/06"));
        files.put("devicesCsv", csv(ImportFile.DEVICES,
                f + ",PC-1,パソコン,ノートPC,事業所所有,",
                f + ",PC-1,パソコン,ノートPC,事業所所有,",
                f + ",SP-1,スマートフォン,私物,個人所有,"));
        ProcessInstance instance = start(office, "register-import", files);
        assertThat(runtimeService.getVariable(instance.getId(), "importClean")).isEqualTo(false);
        assertThat(runtimeService.getVariable(instance.getId(), "importProblems").toString()).contains(
                "患者.csv 2行目「事業所ID」: 事業所のファイルにも台帳にもない事業所です: nowhere-x",
                "グループ.csv 2行目「患者のふりがな」: 患者のファイルにも台帳にもないこの事業所の患者です: イコウ ダレカ、1940-01-02",
                "グループ.csv 3行目「コーディネーターのユーザーID」: 職員のファイルにも台帳にもないユーザーIDです: " + f + "-zz",
                "メンバー.csv 2行目「参加日」: 日付は 2022/08/01 か 2022-08-01 の形で書いてください: 2023/13/40",
                "メンバー.csv 4行目「ユーザーID」: 3行目と同じグループの同じ人です: " + f + "-p3",
                "メンバー.csv 5行目「グループ名」: グループのファイルにも台帳にもないこの事業所のグループです: どこにもない",
                "端末.csv 3行目「資産番号」: 2行目と同じ事業所の同じ資産番号です: PC-1",
                "端末.csv 4行目「所有者のユーザーID」: 個人所有の端末には所有者を書いてください（A12-10）");
        complete(instance, office, Map.of("importDecision", "cancel"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Cancelled");
        assertThat(directory.facility(f)).isEmpty();
    }

    @Test
    @DisplayName("A7: the same files twice: patients, consents, groups, memberships and devices are not written twice")
    void twice() {
        confirmAndRun(files());
        long consents = count("SELECT COUNT(*) FROM consent c JOIN patient p ON p.id = c.patient_id WHERE p.facility_id = ?", f);
        long memberships = count("SELECT COUNT(*) FROM membership m JOIN patient_group g ON g.id = m.group_id "
                + "WHERE g.facility_id = ?", f);
        ProcessInstance second = start(office, "register-import", files());
        assertThat(runtimeService.getVariable(second.getId(), "importSummary").toString())
                .contains("2行、新規 0、台帳に既にある 2", "3行、新規 0、台帳に既にある 3");
        complete(second, office, Map.of("importDecision", "import"));
        runJobs(second);
        assertThat(second).isEnded().hasPassed("EndEvent_Imported");
        assertThat(count("SELECT COUNT(*) FROM patient WHERE facility_id = ?", f)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM consent c JOIN patient p ON p.id = c.patient_id WHERE p.facility_id = ?", f))
                .isEqualTo(consents).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM patient_group WHERE facility_id = ?", f)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM membership m JOIN patient_group g ON g.id = m.group_id WHERE g.facility_id = ?", f))
                .isEqualTo(memberships).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM device WHERE facility_id = ?", f)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ? AND outcome = 'EXISTING'",
                importId(second))).isEqualTo(15);
    }
}
