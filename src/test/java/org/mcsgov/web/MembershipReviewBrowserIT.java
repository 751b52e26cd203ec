package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mcsgov.Fixture;
import org.mcsgov.directory.DirectoryService;
import org.mcsgov.directory.FacilityKind;
import org.mcsgov.directory.Role;
import org.mcsgov.directory.Staff;
import org.mcsgov.group.Group;
import org.mcsgov.group.GroupService;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A membership review in the browser (N1-3): the association office opens a campaign for a clinic of its own
 * (over REST, so the demo facilities' groups and their other tests stay untouched); the clinic's coordinator opens
 * the review task in Tasklist, sees the members from the register, unticks one, gives the reason and completes;
 * after confirming the removal in MCS the member is gone from the group (REST).
 */
@DisplayName("browser: a coordinator reviews a group's members and removes one")
class MembershipReviewBrowserIT extends BrowserTestSupport {

    private static final String REVIEW = "メンバーの見直し";
    private static final String KEEP = "残すメンバー（チェックを外すと削除）";

    @Autowired DirectoryService directory;
    @Autowired GroupService groups;

    @Test
    @DisplayName("N1-3: the coordinator unticks a member, completes the review, and the member is gone from the group")
    void coordinatorRemovesOneMember() {
        inBrowser(this::scenario);
    }

    private void scenario() {
        Fixture clinic = Fixture.facility(directory, FacilityKind.CLINIC);
        Fixture station = Fixture.facility(directory, FacilityKind.VISITING_NURSE);
        clinic.person("admin", Role.MCS_ADMIN);
        Staff coord = clinic.person("coord", Role.COORDINATOR);
        Staff kept = station.person("kept", Role.STAFF);
        Staff removed = station.person("gone", Role.STAFF);
        Group group = groups.requestFreeGroup(clinic.facilityId, coord.id(), "見直しの画面試験", "連絡用", "test", "fixture");
        groups.activate(group.id(), "test", "fixture");
        for (Staff member : List.of(kept, removed)) {
            groups.openMembership(group.id(), member.id(), "MEMBER", coord.userId(), "test", null, "fixture");
        }

        var started = post("office", "/engine-rest/process-definition/key/membership-review/start",
                Map.of("variables", Map.of("facilityIds", Map.of("value", clinic.facilityId, "type", "String"))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String taskId = eventually("review task of " + coord.userId(), () -> {
            var tasks = json(send(coord.userId(), Fixture.PASSWORD, java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url("/engine-rest/task?name=" + java.net.URLEncoder.encode(REVIEW,
                            java.nio.charset.StandardCharsets.UTF_8) + "&assignee=" + coord.userId()))).GET()));
            return Optional.ofNullable(tasks.size() == 1 ? tasks.get(0).path("id").asText() : null);
        });

        tasklist.login(coord.userId(), Fixture.PASSWORD);
        tasklist.selectFilter("マイタスク");
        tasklist.openTask(REVIEW, taskId);
        assertThat(tasklist.value("見直すグループ")).contains("見直しの画面試験");
        assertThat(browser.driver().getPageSource()).contains(kept.name(), removed.name(), "これまで確認されていません");
        for (Dimension tablet : List.of(new Dimension(1024, 768), new Dimension(768, 1024))) {
            browser.driver().manage().window().setSize(tablet);
            assertThat(memberLine(removed.name())).as("the member line with its ⚠ on a %dx%d tablet",
                    tablet.getWidth(), tablet.getHeight()).isEqualTo("ok");
            browser.screenshot("review-form-" + tablet.getWidth() + "x" + tablet.getHeight());
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        tasklist.untick(KEEP, removed.name()).fill("判断の理由（メンバーを外す場合は必須）", "担当を外れたため");
        browser.screenshot("review-form");
        tasklist.complete();
        browser.screenshot("review-completed");

        String confirmTask = eventually("MCS confirmation of the removal", () -> {
            var tasks = json(send(coord.userId(), Fixture.PASSWORD, java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url("/engine-rest/task?assignee=" + coord.userId()))).GET()));
            return Optional.ofNullable(tasks.size() == 1 ? tasks.get(0).path("id").asText() : null);
        });
        tasklist.openTask("MCSで実施して確定", confirmTask);
        tasklist.fill("結果", "MCSで実施しました");
        tasklist.complete();

        eventually(removed.userId() + " gone from the group", () -> {
            var members = json(get("office", "/api/groups/" + group.id() + "/members"));
            List<String> ids = StreamSupport.stream(members.spliterator(), false).map(m -> m.path("userId").asText()).toList();
            return ids.contains(removed.userId()) ? Optional.empty() : Optional.of(ids);
        });
        JsonNode members = json(get("office", "/api/groups/" + group.id() + "/members"));
        assertThat(StreamSupport.stream(members.spliterator(), false).map(m -> m.path("userId").asText()))
                .containsExactlyInAnyOrder(coord.userId(), kept.userId());
        tasklist.logout();
    }

    /**
     * "ok" when the checklist line of that member, ⚠ included, lies within the form and the window (not cut off nor
     * hidden behind an ellipsis; the form may be scrolled vertically), else what is cut.
     */
    private String memberLine(String member) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const label = [...document.querySelectorAll('.fjs-form-field-checklist label')]
                    .find(l => l.textContent.includes(arguments[0]) && l.textContent.includes('これまで確認されていません'));
                if (!label) { return 'no line for ' + arguments[0]; }
                label.scrollIntoView({block: 'center'});
                const form = label.closest('.fjs-form').getBoundingClientRect();
                const line = label.getBoundingClientRect();
                const window = document.documentElement.clientWidth;
                const clipped = [label, ...label.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1
                    && getComputedStyle(e).overflowX !== 'visible');
                return line.right <= Math.min(form.right, window) + 1 && line.left >= 0 && !clipped
                    ? 'ok' : 'cut: line ' + line.left + '..' + line.right + ', form ..' + form.right + ', window '
                    + window + ', clipped ' + clipped;
                """, member);
    }
}
