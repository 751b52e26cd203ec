package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.TestNames;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The coordinator's day in the browser (A4, A5-1, A6, N3-8): in Camunda Tasklist, with the Japanese Camunda Forms,
 * clinic-coord registers a patient and records the consent, creates the patient group, confirms the MCS action,
 * and the register (REST) then holds the active group with the coordinator as its first member.
 */
@DisplayName("browser: consent, patient group and MCS confirmation in Tasklist")
class ConsentAndGroupBrowserIT extends BrowserTestSupport {

    private static final String COORDINATOR = "clinic-coord";
    private static final String CONSENT = "説明と同意の記録";
    private static final String GROUP = "患者グループの作成";
    private static final String MCS_CONFIRM = "MCSで実施して確定";

    @Test
    @DisplayName("A4/A6/A5-1/N3-8: consent → patient group → MCS confirmation, then the group and its member over REST")
    void consentPatientGroupAndMcsConfirmation() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        String kana = TestNames.kana();                      // テスト + 8 unique katakana
        String patientName = "試験 " + kana.substring(3);    // the same unique part, under a kanji family name
        String groupName = "画面試験 " + kana.substring(3) + "様";
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1);

        // --- login
        tasklist.login(COORDINATOR, DEMO_PASSWORD);
        assertThat(tasklist.userName()).isNotBlank();
        tasklist.selectFilter(Tasklist.FACILITY_FILTER);
        browser.screenshot("logged-in");

        // --- A4: start 説明と同意の記録 with the Japanese start form
        tasklist.startProcess(CONSENT);
        assertThat(browser.driver().getPageSource()).contains("患者氏名", "ふりがな（全角カタカナ）", "生年月日");
        tasklist.fill("患者氏名", patientName)
                .fill("ふりがな（全角カタカナ）", kana)
                .fill("生年月日", LocalDate.of(1940, 1, 15));
        assertThat(tasklist.validationErrors()).isEmpty();
        browser.screenshot("consent-start-form");
        tasklist.submitStart();

        // --- A6: record the consent (同意する, 本人, 書面)
        String consentTask = tasklist.assignedTaskId(CONSENT);
        tasklist.openTask(CONSENT, consentTask);
        assertThat(tasklist.value("患者")).contains(patientName, kana, "1940-01-15");
        tasklist.fill("説明した内容（何を・誰と・なぜ共有するか）", "在宅療養の関係者（訪問看護・薬局）とMCSで病状と服薬を共有することを説明した")
                .fill("同意の有無", "同意する")
                .fill("同意した人", "本人")
                .fill("同意した人の氏名", patientName)
                .fill("同意の方法", "書面")
                .fill("同意日", yesterday)
                .fill("同意書の保管番号", "同意書-" + kana.substring(3));
        assertThat(browser.driver().getPageSource()).contains("同意の有無", "同意書の保管番号");
        browser.screenshot("consent-record-form");
        tasklist.complete();
        browser.screenshot("consent-completed");

        // --- A5-1: start 患者グループの作成 (no start form) and pick the patient
        tasklist.startProcess(GROUP).submitStart();
        String groupTask = tasklist.assignedTaskId(GROUP);
        tasklist.openTask(GROUP, groupTask);
        tasklist.fill("患者", patientName)
                .fill("グループ名", groupName);
        assertThat(tasklist.value("患者")).contains(patientName);
        browser.screenshot("group-form");
        tasklist.complete();
        browser.screenshot("group-completed");

        // --- N3-8: after the two async jobs, confirm the MCS action
        String mcsTask = mcsTaskFor(groupName);
        tasklist.openTask(MCS_CONFIRM, mcsTask);
        assertThat(tasklist.value("対象")).isEqualTo(groupName);
        tasklist.fill("結果", "MCSで実施しました");
        browser.screenshot("mcs-confirm-form");
        tasklist.complete();
        browser.screenshot("mcs-confirmed");

        // --- the register: the active group, with the coordinator as its first member
        JsonNode group = eventually("active group '" + groupName + "' of " + COORDINATOR, () -> {
            var response = get(COORDINATOR, "/api/staff/" + COORDINATOR + "/groups");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return StreamSupport.stream(json(response).spliterator(), false)
                    .filter(g -> groupName.equals(g.path("name").asText()) && "ACTIVE".equals(g.path("status").asText()))
                    .findFirst();
        });
        assertThat(group.path("kind").asText()).isEqualTo("PATIENT");
        assertThat(group.path("facilityId").asText()).isEqualTo("clinic");
        var members = get(COORDINATOR, "/api/groups/" + group.get("id").asLong() + "/members");
        assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
        List<String> userIds = StreamSupport.stream(json(members).spliterator(), false)
                .map(m -> m.path("userId").asText()).toList();
        assertThat(userIds).contains(COORDINATOR);

        tasklist.logout();
        browser.screenshot("logged-out");
    }

    /** The MCS confirmation task of this group, once the job executor has run the two async steps (bounded). */
    private String mcsTaskFor(String groupName) {
        Map<String, Object> query = Map.of("name", MCS_CONFIRM, "processVariables",
                List.of(Map.of("name", "mcsSubject", "operator", "eq", "value", groupName)));
        return eventually("task '" + MCS_CONFIRM + "' for '" + groupName + "'", () -> {
            var response = post(COORDINATOR, "/engine-rest/task", query);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode tasks = json(response);
            return tasks.isEmpty() ? Optional.<String>empty() : Optional.of(tasks.get(0).get("id").asText());
        });
    }
}
