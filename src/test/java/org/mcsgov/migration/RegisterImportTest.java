package org.mcsgov.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.FacilityRegister;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.platform.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

@DisplayName("register-import (初期移行): dry run, confirmation, chunks of jobs, twice, killed midway, forged (A7, A8-5, A9-1)")
class RegisterImportTest extends ProcessTestSupport {

    private static final String FACILITIES = "事業所ID,事業所名,種別,住所,電話番号,MCS利用,連携守秘誓約書の締結日\r\n";
    private static final String STAFF = "事業所ID,ユーザーID,氏名,ふりがな,職種,メールアドレス,役割\r\n";

    @Autowired FacilityRegister facilities;
    @Autowired ImportChunks chunks;
    @Autowired JdbcClient jdbc;
    @Autowired Activations activations;

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

    private String facilitiesCsv() {
        return FACILITIES + f + ",ひばり在宅診療所,診療所,東京都小平市小川町1-1,042-000-0001,はい,2022/08/01\r\n";
    }

    /** Five people of the new facility: the manager, an MCS administrator and coordinator, three staff. */
    private String staffCsv() {
        StringBuilder csv = new StringBuilder(STAFF);
        String[] roles = {"事業所管理者", "MCS管理者・担当者", "", "担当者", ""};
        for (int i = 0; i < roles.length; i++) {
            csv.append(f).append(',').append(f).append("-p").append(i).append(",移行 ").append(i)
                    .append(",イコウ,看護師,").append(f).append("-p").append(i).append("@example.jp,")
                    .append(roles[i]).append("\r\n");
        }
        return csv.toString();
    }

    /** The facilities' file as text, the staff file as a program sends Excel's Shift_JIS bytes: in Base64, as Json. */
    private Map<String, Object> files(String facilities, String staff) {
        Map<String, Object> files = new HashMap<>();
        files.put("facilitiesCsv", facilities);
        // a real file is longer than a String variable's 4,000 characters: a Json variable holding one JSON string
        files.put("staffCsv", SpinValues.jsonValue("\"" + Base64.getEncoder().encodeToString(
                staff.getBytes(CsvText.WINDOWS_31J)) + "\"").create());
        return files;
    }

    private long importId(ProcessInstance instance) {
        return count("SELECT id FROM register_import WHERE process_instance_id = ?", instance.getId());
    }

    /** The import's row, its column names upper-case (H2 reports them so, PostgreSQL lower-case). */
    private Map<String, Object> importRow(long importId) {
        Map<String, Object> row = new HashMap<>();
        jdbc.sql("SELECT status, rows_total, rows_done, problems, started_by FROM register_import WHERE id = ?")
                .param(importId).query().singleRow().forEach((name, value) -> row.put(name.toUpperCase(), value));
        return row;
    }

    private ProcessInstance confirmAndRun(String facilities, String staff) {
        ProcessInstance instance = start(office, "register-import", files(facilities, staff));
        assertThat(instance).isWaitingAt("UserTask_Confirm");
        complete(instance, office, Map.of("importDecision", "import"));
        runJobs(instance);
        return instance;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    @DisplayName("A7, A8-5, A9-1: confirmed and imported in chunks: facility active, staff with roles, pledge on record at migration, every row in the history")
    void imported() {
        ReflectionTestUtils.setField(chunks, "chunkRows", 2);
        ProcessInstance instance = start(office, "register-import", files(facilitiesCsv(), staffCsv()));
        assertThat(instance).isWaitingAt("UserTask_Confirm");
        String summary = runtimeService.getVariable(instance.getId(), "importSummary").toString();
        assertThat(summary).contains("事業所（事業所.csv、UTF-8）: 1行、新規 1", "職員（職員.csv、Windows-31J（Shift_JIS））: 5行、新規 5");
        assertThat(runtimeService.getVariable(instance.getId(), "staffCsv")).as("files kept in the register").isNull();
        assertThat(directory.facility(f)).as("the dry run writes nothing").isEmpty();

        complete(instance, office, Map.of("importDecision", "import"));
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isOne();
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed("Task_WriteChunk", "EndEvent_Imported");
        assertThat(facilities.status(f)).isEqualTo(FacilityRegister.Status.ACTIVE);
        assertThat(directory.facilityActive(f)).isTrue();
        Staff admin = directory.staffByUserId(f + "-p1").orElseThrow();
        assertThat(directory.activeRoles(admin.id())).contains(Role.MCS_ADMIN, Role.COORDINATOR, Role.STAFF);
        assertThat(identityService.createGroupQuery().groupMember(f + "-p1").groupId(f + "-admin").count()).isOne();
        assertThat(count("SELECT COUNT(*) FROM pledge WHERE staff_id = ? AND status = 'MIGRATED' AND recorded_by = ?",
                admin.id(), office)).isOne();
        // A11-3: no password anybody knows; the account waits for its person's activation
        assertThat(identityService.checkPassword(f + "-p1", Fixture.PASSWORD)).isFalse();
        assertThat(count("SELECT COUNT(*) FROM account_activation WHERE staff_id = ? AND activated_at IS NULL",
                admin.id())).isOne();
        long importId = importId(instance);
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ? AND outcome = 'CREATED' AND migrated_by = ?",
                importId, office)).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ? AND file_name = '職員.csv' AND line = 6",
                importId)).isOne();
        assertThat(importRow(importId)).containsEntry("STATUS", "DONE").containsEntry("ROWS_TOTAL", 6)
                .containsEntry("ROWS_DONE", 6);
    }

    @Test
    @DisplayName("A7: a file with errors: the confirmation shows file, line, column and reason in Japanese; it cannot be imported")
    void errorsCannotBeConfirmed() {
        String staff = staffCsv().replace(f + "-p2,移行 2,イコウ", f + "-p2,移行 2,いこう");
        ProcessInstance instance = start(office, "register-import", files(facilitiesCsv(), staff));
        assertThat(runtimeService.getVariable(instance.getId(), "importProblems").toString())
                .contains("職員.csv 4行目「ふりがな」: 全角カタカナで書いてください: いこう");
        assertThatThrownBy(() -> complete(instance, office, Map.of("importDecision", "import")))
                .isInstanceOf(ProcessEngineException.class);
        complete(instance, office, Map.of("importDecision", "cancel"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Cancelled");
        assertThat(directory.facility(f)).isEmpty();
        assertThat(importRow(importId(instance))).containsEntry("STATUS", "CANCELLED")
                .containsEntry("PROBLEMS", 1);
    }

    @Test
    @DisplayName("A7: the same files twice: the second import finds every row and creates nothing twice")
    void twice() {
        confirmAndRun(facilitiesCsv(), staffCsv());
        long staffRows = count("SELECT COUNT(*) FROM staff WHERE facility_id = ?", f);
        long pledges = count("SELECT COUNT(*) FROM pledge WHERE facility_id = ?", f);
        ProcessInstance second = start(office, "register-import", files(facilitiesCsv(), staffCsv()));
        assertThat(runtimeService.getVariable(second.getId(), "importSummary").toString())
                .contains("1行、新規 0、台帳に既にある 1", "5行、新規 0、台帳に既にある 5");
        complete(second, office, Map.of("importDecision", "import"));
        runJobs(second);
        assertThat(second).isEnded().hasPassed("EndEvent_Imported");
        assertThat(count("SELECT COUNT(*) FROM staff WHERE facility_id = ?", f)).isEqualTo(staffRows).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM pledge WHERE facility_id = ?", f)).isEqualTo(pledges);
        assertThat(facilities.versions(f)).hasSize(3);
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ? AND outcome = 'EXISTING'",
                importId(second))).isEqualTo(6);
    }

    @Test
    @DisplayName("A7: killed midway: a chunk fails, is retried, becomes an incident; fixed and retried, nothing duplicated, every row present")
    void killedMidway() {
        ReflectionTestUtils.setField(chunks, "chunkRows", 2);
        ProcessInstance instance = start(office, "register-import", files(facilitiesCsv(), staffCsv()));
        complete(instance, office, Map.of("importDecision", "import"));
        // plan, the facilities' chunk and the first staff chunk (p0, p1) succeed
        for (int i = 0; i < 3; i++) {
            executeNext(instance);
        }
        long importId = importId(instance);
        assertThat(importRow(importId)).containsEntry("ROWS_DONE", 3).containsEntry("STATUS", "RUNNING");
        // meanwhile someone else holds p3's e-mail: the second staff chunk (p2, p3) fails whole
        Fixture other = Fixture.facility(directory, FacilityKind.CLINIC);
        Staff holder = directory.registerStaff(new NewStaff(other.facilityId, other.user("holder"), "別人", "ベツジン",
                "医師", f + "-p3@example.jp", Fixture.PASSWORD, Set.of()), "test", null);
        Job failing = nextJob(instance);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(failing.getId())).isInstanceOf(Exception.class);
        }
        assertThat(directory.staffByUserId(f + "-p2")).as("the failed chunk's first row rolled back").isEmpty();
        assertThat(managementService().createJobQuery().jobId(failing.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).as("Cockpit").isOne();
        assertThat(importRow(importId)).containsEntry("ROWS_DONE", 3);

        directory.markLeft(holder.id(), null); // the office settles the conflict, then retries in Cockpit
        managementService().setJobRetries(failing.getId(), 1);
        managementService().setJobDuedate(failing.getId(), null); // "retry now", not at the retry cycle's next time
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Imported");
        assertThat(count("SELECT COUNT(*) FROM staff WHERE facility_id = ?", f)).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM migrated_row WHERE import_id = ?", importId)).isEqualTo(6);
        assertThat(count("SELECT COUNT(DISTINCT natural_key) FROM migrated_row WHERE import_id = ?", importId)).isEqualTo(6);
        assertThat(importRow(importId)).containsEntry("ROWS_DONE", 6).containsEntry("STATUS", "DONE");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    @DisplayName("A11-3: a migrated person activates the account with the link: once, before it expires, under the policy; a re-sent link replaces the old")
    void activation() {
        confirmAndRun(facilitiesCsv(), staffCsv());
        Staff person = directory.staffByUserId(f + "-p0").orElseThrow();
        assertThat(activations.waiting(person.id())).isTrue();
        String replaced = activations.issue(person, office);
        String link = activations.issue(person, office);
        assertThatThrownBy(() -> activations.activate(replaced, "mine2026x")).isInstanceOf(UserError.class)
                .hasMessageContaining("このリンクは使えません");
        assertThat(count("SELECT COUNT(*) FROM account_activation WHERE token_hash = ?", link)).as("stored hashed").isZero();
        assertThatThrownBy(() -> activations.activate(link, "short")).isInstanceOf(UserError.class);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(15))));
        assertThatThrownBy(() -> activations.activate(link, "mine2026x")).hasMessageContaining("期限切れ");
        ClockUtil.reset();

        String resent = activations.issue(person, office);
        activations.activate(resent, "mine2026x");
        assertThat(identityService.checkPassword(person.userId(), "mine2026x")).isTrue();
        assertThat(activations.waiting(person.id())).isFalse();
        assertThatThrownBy(() -> activations.activate(resent, "again2026x")).isInstanceOf(UserError.class);
        assertThat(count("SELECT COUNT(*) FROM staff WHERE id = ? AND password_must_change = FALSE", person.id())).isOne();
    }

    @Test
    @DisplayName("A7: nobody confirms in time: the import ends as expired, nothing written")
    void expired() {
        ProcessInstance instance = start(office, "register-import", files(facilitiesCsv(), staffCsv()));
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        managementService().executeJob(timer.getId());
        assertThat(instance).isEnded().hasPassed("Task_Expire", "EndEvent_Expired");
        assertThat(importRow(importId(instance))).containsEntry("STATUS", "EXPIRED");
        assertThat(directory.facility(f)).isEmpty();
    }

    @Test
    @DisplayName("A7, issue 12: only the office starts an import; without files it is refused")
    void onlyTheOffice() {
        Fixture clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        String admin = clinic.person("admin", Role.MCS_ADMIN).userId();
        as(admin);
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("register-import",
                    files(facilitiesCsv(), staffCsv()))).isInstanceOf(ProcessEngineException.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThatThrownBy(() -> start(office, "register-import", Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("取り込むファイル");
        assertThat(directory.facility(f)).isEmpty();
    }

    private org.camunda.bpm.engine.ManagementService managementService() {
        return engine.getManagementService();
    }

    private Job nextJob(ProcessInstance instance) {
        List<Job> jobs = managementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    private void executeNext(ProcessInstance instance) {
        managementService().executeJob(nextJob(instance).getId());
    }
}
