package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Dates and form-js's own texts in a Japanese Chromium (issue 15, app/forms-ja.js): the take-out's start form is
 * the procedure's Japanese explanation (not Camunda's 「業務キー」 form); in the request a date typed as 2026/12/01
 * or in 令和 is kept as typed, and the register's row has that day; a day that does not exist (2/30) is refused with
 * a Japanese message and the field left empty, never rolled over; "Field is required." and "Search" read in
 * Japanese. The request is withdrawn afterwards, so the demo data stays as it was.
 */
@DisplayName("browser: Japanese dates and form texts in Tasklist (issue 15)")
class JapaneseFormsBrowserIT extends BrowserTestSupport {

    private static final String NURSE = "nurse-staff";
    private static final String ADMIN = "nurse-admin";
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    @Test
    @DisplayName("take-out: 2026/12/01 and 令和 dates kept as typed into the register; 2/30 refused in Japanese")
    void japaneseDatesKeptAsTyped() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        LocalDate from = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(3);
        LocalDate to = from.plusDays(2);
        String reiwa = "令和" + (to.getYear() - 2018) + "年" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
        String purpose = "日付の入力の確認（画面試験 " + System.currentTimeMillis() + "）";

        tasklist.login(NURSE, DEMO_PASSWORD);
        tasklist.startProcess("情報・端末の持ち出し申請");
        WebElement dialog = browser.driver().findElement(By.cssSelector(".modal-dialog"));
        assertThat(dialog.getText()).contains("事前に書面で申請します").doesNotContain(Page.label("BUSINESS_KEY"));
        browser.screenshot("start-form");
        tasklist.submitStart();
        tasklist.openTask("持ち出しの申請", tasklist.assignedTaskId("持ち出しの申請"));

        assertThat(browser.driver().findElements(By.cssSelector(".fjs-form input[placeholder]")))
                .extracting(input -> input.getDomAttribute("placeholder")).contains("検索").doesNotContain("Search");

        assertThat(tasklist.typeDate("持ち出し開始日", from.getYear() + "/2/30")).isEmpty();
        assertThat(tasklist.validationErrors()).anySatisfy(error ->
                assertThat(error).contains("「" + from.getYear() + "/2/30」は日付として読み取れません"));
        browser.screenshot("date-refused");
        assertThat(tasklist.typeDate("持ち出し開始日", from.format(SLASHED))).isEqualTo(from.format(SLASHED));
        assertThat(tasklist.typeDate("返却予定日", reiwa)).isEqualTo(to.format(SLASHED));

        tasklist.fill("持ち出し先", "利用者宅").clear("持ち出し先");
        assertThat(tasklist.validationErrors()).contains("入力してください。").doesNotContain("Field is required.");
        browser.screenshot("required-in-japanese");

        tasklist.fill("持ち出す情報の内容", "訪問予定の利用者1名の記録（閲覧のみ）")
                .fill("持ち出す端末・媒体", availableTablet())
                .fill("目的", purpose)
                .fill("持ち出し先", "利用者宅（小平市内）")
                .fill("申請", "申請する");
        assertThat(tasklist.validationErrors()).isEmpty();
        tasklist.complete();
        tasklist.logout();

        JsonNode mine = StreamSupport.stream(json(get(ADMIN, "/api/facilities/nurse/takeouts")).spliterator(), false)
                .filter(t -> purpose.equals(t.path("purpose").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no take-out request with purpose " + purpose));
        assertThat(mine.path("fromDate").asText()).isEqualTo(from.toString());
        assertThat(mine.path("toDate").asText()).isEqualTo(to.toString());

        var withdrawn = post(NURSE, "/api/takeouts/" + mine.path("id").asLong() + "/withdraw",
                Map.of("reason", "画面試験の後始末"));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    }

    /** The asset number of a demo tablet of the station that can be taken out now. */
    private String availableTablet() {
        return StreamSupport.stream(json(get(ADMIN, "/api/facilities/nurse/devices")).spliterator(), false)
                .filter(d -> "TABLET".equals(d.path("kind").asText()) && d.path("usable").asBoolean()
                        && "IN_USE".equals(d.path("state").asText()))
                .map(d -> d.path("assetNumber").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no available tablet"));
    }
}
