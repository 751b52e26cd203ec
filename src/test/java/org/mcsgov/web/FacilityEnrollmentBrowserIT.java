package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The enrollment of a facility in the browser (A7, A8-5, A9-1): the association office starts 事業所の利用申込 in
 * Tasklist, types the Japanese application (its manager also its MCS administrator), approves it, records the
 * manager's pledge and profile in the staff-onboarding tasks that then appear, and finds the facility 利用中 in the
 * register.
 */
@DisplayName("browser: a facility's enrollment by the office in Tasklist")
class FacilityEnrollmentBrowserIT extends BrowserTestSupport {

    private static final String OFFICE = "office";

    @Test
    @DisplayName("A7/A8-5/A9-1: application, approval, the manager's pledge and profile; the facility is ACTIVE")
    void enrollment() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String facilityId = "hibari" + suffix;
        String manager = "hibari-mgr-" + suffix;
        tasklist.login(OFFICE, DEMO_PASSWORD);

        tasklist.startProcess("事業所の利用申込");
        tasklist.fill("事業所ID", facilityId)
                .fill("事業所名", "ひばり在宅診療所 " + suffix)
                .fill("種別", "診療所")
                .fill("所在地", "東京都小平市小川町1-1")
                .fill("電話番号", "042-000-0001")
                .fill("MCSを事業所として利用・管理する（N1-2）", "true")
                .fill("連携守秘誓約書の締結日", "2026-04-01")
                .fill("事業所管理者のユーザーID", manager)
                .fill("事業所管理者の氏名", "雲雀 一郎")
                .fill("事業所管理者のふりがな（全角カタカナ）", "ヒバリ イチロウ")
                .fill("事業所管理者の職種", "医師")
                .fill("事業所管理者のメールアドレス", manager + "@example.jp")
                .fill("事業所管理者がMCS管理者を兼ねる", "true");
        assertThat(tasklist.validationErrors()).isEmpty();
        browser.screenshot("enrollment-application");
        tasklist.submitStart();

        String decision = "利用申込の承認・却下・差し戻し";
        tasklist.selectFilter("承認待ち"); // the office's candidate task
        tasklist.openTask(decision, decisionTaskId(facilityId));
        tasklist.claim();
        assertThat(tasklist.value("申込の内容")).contains("ひばり在宅診療所", "雲雀 一郎");
        tasklist.fill("判断", "承認");
        browser.screenshot("enrollment-decision");
        tasklist.complete();

        // the office records the manager's pledge and profile in the staff-onboarding the approval started (A9-1)
        tasklist.selectFilter("マイタスク");
        tasklist.openTask("誓約書への署名");
        tasklist.fill("誓約", "署名した").fill("署名（本人の氏名）", "雲雀 一郎");
        tasklist.complete();
        tasklist.openTask("プロフィールの登録");
        tasklist.fill("表示名", "雲雀 一郎（医師）").fill("職種", "医師").fill("初期パスワード", "welcome2026");
        tasklist.complete();

        browser.driver().get(url("/register/facilities/" + facilityId));
        assertThat(browser.driver().getPageSource()).contains("ひばり在宅診療所 " + suffix, "利用中", "雲雀 一郎");
        browser.screenshot("enrollment-register");
    }

    /** The decision task of this application (the office's candidate task; other applications may be open). */
    private String decisionTaskId(String facilityId) {
        var tasks = json(get(OFFICE, "/engine-rest/task?processInstanceBusinessKey=facility:" + facilityId
                + "&taskDefinitionKey=UserTask_Decide"));
        assertThat(tasks.size()).isEqualTo(1);
        return tasks.get(0).path("id").asText();
    }
}
