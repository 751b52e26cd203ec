package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * A take-out request in the browser (A12-9): in Tasklist the nurse nurse-staff asks to take one of the station's demo
 * tablets out (written request: content, device from the register, purpose, destination, period); the station's MCS
 * administrator nurse-admin approves it in Tasklist, seeing the request in the approval form; the register (REST)
 * then holds the request APPROVED and the tablet TAKEN_OUT. Afterwards the administrator confirms the return over
 * REST, so the tablet is back for the next run.
 */
@DisplayName("browser: a nurse asks to take a tablet out, the MCS administrator approves (A12-9)")
class DeviceTakeoutBrowserIT extends BrowserTestSupport {

    private static final String NURSE = "nurse-staff";
    private static final String ADMIN = "nurse-admin";
    private static final String APPROVAL = "持ち出しの承認: %"; // issue 15: the approval task names its subject
    private static final String RETURN = "返却の確認";

    @Test
    @DisplayName("A12-9: request in Tasklist → approval in Tasklist by the facility's administrator → APPROVED, TAKEN_OUT")
    void takeoutRequestedAndApproved() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        JsonNode tablet = availableTablet();
        String asset = tablet.path("assetNumber").asText();
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);
        String purpose = "訪問看護での記録の確認（画面試験 " + System.currentTimeMillis() + "）";

        tasklist.login(NURSE, DEMO_PASSWORD);
        tasklist.startProcess("情報・端末の持ち出し申請").submitStart();
        tasklist.openTask("持ち出しの申請", tasklist.assignedTaskId("持ち出しの申請"));
        tasklist.fill("持ち出す情報の内容", "訪問予定の利用者2名の記録（MCSの閲覧のみ）")
                .fill("持ち出す端末・媒体", asset)
                .fill("目的", purpose)
                .fill("持ち出し先", "利用者宅（小平市内）")
                .fill("持ち出し開始日", tomorrow)
                .fill("返却予定日", tomorrow.plusDays(1))
                .fill("申請", "申請する");
        assertThat(tasklist.value("持ち出す端末・媒体")).contains(asset);
        assertThat(tasklist.validationErrors()).isEmpty();
        browser.screenshot("takeout-request-form");
        tasklist.complete();
        tasklist.logout();

        JsonNode mine = eventually("the take-out request of " + NURSE, () -> takeouts().filter(t ->
                purpose.equals(t.path("purpose").asText())).findFirst());
        long id = mine.path("id").asLong();
        String businessKey = "takeout:" + id;
        assertThat(mine.path("state").asText()).isEqualTo("REQUESTED");

        String approvalTask = eventually("task '" + APPROVAL + "' of " + businessKey, () -> taskOf(ADMIN, businessKey, APPROVAL));
        tasklist.login(ADMIN, DEMO_PASSWORD);
        tasklist.selectFilter(Tasklist.FACILITY_FILTER);
        tasklist.openTask(approvalName(approvalTask), approvalTask);
        tasklist.claim();
        assertThat(tasklist.value("件名")).contains("持ち出しの承認", asset);
        assertThat(tasklist.value("申請の内容")).contains(purpose, "利用者宅");
        assertThat(tasklist.value("承認履歴")).contains("申請", NURSE);
        tasklist.fill("判断", "承認");
        browser.screenshot("takeout-approval-form");
        tasklist.complete();
        tasklist.logout();

        JsonNode view = json(get(ADMIN, "/api/takeouts/" + id));
        assertThat(view.path("takeout").path("state").asText()).isEqualTo("APPROVED");
        assertThat(view.path("takeout").path("approvedBy").asText()).isEqualTo(ADMIN);
        assertThat(view.path("history")).extracting(h -> h.path("step").asText()).containsExactly("REQUEST", "APPROVE");
        long deviceId = tablet.path("id").asLong();
        assertThat(json(get(ADMIN, "/api/devices/" + deviceId)).path("device").path("state").asText()).isEqualTo("TAKEN_OUT");

        // the tablet comes back, confirmed by the administrator, so that the next run finds it available again
        String returnTask = eventually("task '" + RETURN + "' of " + businessKey, () -> taskOf(ADMIN, businessKey, RETURN));
        assertThat(post(ADMIN, "/engine-rest/task/" + returnTask + "/claim", Map.of("userId", ADMIN)).statusCode()).isEqualTo(204);
        var completed = post(ADMIN, "/engine-rest/task/" + returnTask + "/complete",
                variables(Map.of("takeoutOutcome", "back", "returnCondition", "画面試験の後始末: 破損なし")));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(json(get(ADMIN, "/api/devices/" + deviceId)).path("device").path("state").asText()).isEqualTo("IN_USE");
    }

    /** A demo tablet of the station that can be taken out now (usable, in use at the station). */
    private JsonNode availableTablet() {
        var response = get(ADMIN, "/api/facilities/nurse/devices");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).spliterator(), false)
                .filter(d -> "TABLET".equals(d.path("kind").asText()) && d.path("usable").asBoolean()
                        && "IN_USE".equals(d.path("state").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no available tablet: " + response.body()));
    }

    private java.util.stream.Stream<JsonNode> takeouts() {
        var response = get(ADMIN, "/api/facilities/nurse/takeouts");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).spliterator(), false);
    }

    private Optional<String> taskOf(String user, String businessKey, String name) {
        var response = post(user, "/engine-rest/task", Map.of("processInstanceBusinessKey", businessKey,
                name.endsWith("%") ? "nameLike" : "name", name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tasks = json(response);
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0).path("id").asText());
    }

    /** The approval task's name, which says whose take-out of which device it is (issue 15). */
    private String approvalName(String taskId) {
        var response = get(ADMIN, "/engine-rest/task/" + taskId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("name").asText();
    }
}
