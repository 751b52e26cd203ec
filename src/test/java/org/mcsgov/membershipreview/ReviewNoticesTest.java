package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mcsgov.ProcessTestSupport;
import org.mcsgov.group.GroupService;
import org.mcsgov.notification.MailDrain;
import org.mcsgov.notification.Outbox;
import org.mcsgov.notification.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign mails each reviewer once, not once per group (N1-3): the request with the number of groups, then one
 * reminder for the groups still undecided and one escalation to the MCS administrators; against GreenMail.
 */
@DisplayName("membership-review: one mail per reviewer for the request, the reminder and the escalation (N1-3)")
class ReviewNoticesTest extends ProcessTestSupport {

    @RegisterExtension
    static final TestMailServer SMTP = new TestMailServer();

    @Autowired MailDrain drain;
    @Autowired JdbcClient jdbcClient;
    @Autowired GroupService groups;
    ReviewFixture scene;
    int seen;

    @BeforeEach
    void twoClinics() {
        scene = ReviewFixture.twoClinics(this);
    }

    @Test
    @DisplayName("N1-3: a coordinator with three groups gets one request, one reminder for the two undecided, and the "
            + "MCS administrator one escalation for both")
    void oneMailPerReviewer() {
        scene.group(scene.clinic, scene.coord, "見直し 2", scene.nurse1);
        scene.group(scene.clinic, scene.coord, "見直し 3", scene.nurse2);
        ProcessInstance campaign = scene.campaign();
        long id = scene.campaignId(campaign);

        assertThat(notificationsOf(id)).as("one request to the coordinator, no mail per review task")
                .containsExactly("REVIEW_REQUEST");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(scene.coord.userId() + "@example.jp");
            assertThat(mail.getSubject()).startsWith("【MCS運用ワークフロー】メンバーの見直しのお願い: 3 グループ（期限 ");
            assertThat(mail.getContent().toString()).contains("/camunda/app/tasklist/default/", "review:" + id + ":chunk:");
        });

        scene.decide(scene.group, scene.coord.userId(), List.of(scene.membershipOf(scene.group, scene.nurse1),
                scene.membershipOf(scene.group, scene.nurse2)), null, Map.of());
        scene.daysLater(campaign, 11);
        assertThat(notificationsOf(id)).containsExactly("REMINDER");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(scene.coord.userId() + "@example.jp");
            assertThat(mail.getSubject()).isEqualTo(
                    "【MCS運用ワークフロー】催促: メンバーの見直し ほか、未処理のタスクが 2 件あります");
        });

        scene.daysLater(campaign, 4);
        assertThat(notificationsOf(id)).containsExactly("ESCALATION");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(scene.admin + "@example.jp");
            assertThat(mail.getSubject()).isEqualTo(
                    "【MCS運用ワークフロー】対応のお願い（エスカレーション）: メンバーの見直し（MCS管理者） 2 件");
        });
    }

    /** The kinds of the campaign's notifications not yet sent; they are sent now. */
    private List<String> notificationsOf(long campaignId) {
        List<String> kinds = Outbox.waitingKinds(jdbcClient, "review:" + campaignId + ":%");
        drain.sendWaiting();
        return kinds;
    }

    /** The mails received since the last call. */
    private List<MimeMessage> sent() {
        MimeMessage[] all = SMTP.getReceivedMessages();
        List<MimeMessage> mails = List.of(all).subList(seen, all.length);
        seen = all.length;
        return mails;
    }
}
