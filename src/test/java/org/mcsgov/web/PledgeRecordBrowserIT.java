package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.NewStaff;
import org.mcsgov.directory.PledgeRegister;
import org.mcsgov.directory.Staff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, first complaint, in a Japanese Chromium: a nurse who signed the pledge on paper before the system cannot
 * be invited (誓約書が台帳にありません); the station's MCS administrator records the paper pledge in Tasklist
 * (誓約書（紙）の記録), and the same invitation then goes through to the approval. Screenshots under target/.
 */
@DisplayName("browser: a paper pledge recorded in Tasklist, then the invitation goes through (issue 15, A9-1)")
class PledgeRecordBrowserIT extends BrowserTestSupport {

    @Autowired DirectoryService directory;
    @Autowired PledgeRegister pledges;

    @Test
    @DisplayName("refused without a pledge on record; recorded by the MCS administrator; then invited")
    void pledgeRecordedThenInvited() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        String user = "pp" + UUID.randomUUID().toString().substring(0, 8);
        String name = "紙谷 " + user.substring(2, 6);
        Staff person = directory.registerStaff(new NewStaff("nurse", user, name, "カミヤ チカコ", "看護師",
                user + "@example.jp", DEMO_PASSWORD, Set.of()), "test", null);
        if (!pledges.facilityUsesRegister("nurse")) {
            // the station keeps its pledges in the register (a colleague onboarded through the system)
            pledges.record(directory.staffByUserId("nurse-staff").orElseThrow(), PledgeRegister.Status.SIGNED,
                    "nurse-admin", null);
        }

        // the clinic's coordinator invites the nurse: refused, the pledge is not on record
        String instanceId = json(post("clinic-coord", "/engine-rest/process-definition/key/group-invitation/start",
                variables(Map.of()))).get("id").asText();
        String taskId = json(get("clinic-coord", "/engine-rest/task?processInstanceId=" + instanceId)).get(0)
                .get("id").asText();
        Map<String, Object> request = variables(Map.of(
                "groupId", option("clinic-coord", taskId, "groupOptions", "山田 太郎様"),
                "inviteeStaffId", String.valueOf(person.id()),
                "reason", "訪問看護の記録を共有するため", "requestAction", "submit"));
        var refused = post("clinic-coord", "/engine-rest/task/" + taskId + "/complete", request);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("誓約書");

        // the station's MCS administrator records the paper pledge in Tasklist
        tasklist.login("nurse-admin", DEMO_PASSWORD);
        tasklist.startProcess("誓約書（紙）の記録").submitStart();
        tasklist.openTask("紙の誓約書の確認と記録", tasklist.assignedTaskId("紙の誓約書の確認と記録"));
        tasklist.fill("職員（誓約書の記録がない人）", name)
                .fill("誓約書の署名日", "2024-04-01")
                .fill("原本の保管場所", "事業所の書庫「MCS誓約書」ファイル（2024年度）")
                .fill("原本に本人の署名と上の誓約事項があることを確かめた", "true");
        assertThat(tasklist.validationErrors()).isEmpty();
        browser.screenshot("pledge-record-form");
        tasklist.complete();
        assertThat(pledges.latest(person.email())).contains(PledgeRegister.Status.ON_RECORD);
        // the staff page shows it (the register pages share the webapps' session)
        browser.driver().get(url("/register/staff/" + person.id()));
        assertThat(pageText())
                .contains("署名日 2024/04/01・保管: 事業所の書庫「MCS誓約書」ファイル（2024年度）");
        browser.screenshot("pledge-record-staff-page");

        // the same request now goes through to the station's approval
        var invited = post("clinic-coord", "/engine-rest/task/" + taskId + "/complete", request);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(204);
    }
}
