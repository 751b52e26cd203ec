package org.mcsgov.membershipreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mcsgov.notification.MailSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A campaign mails each reviewer once, not once per group (N1-3): the request with the number of groups, then one
 * reminder for the groups still undecided and one escalation to the MCS administrators; against GreenMail.
 */
@DisplayName("membership-review: one mail per reviewer for the request, the reminder and the escalation (N1-3)")
class ReviewNoticesTest extends ReviewFixtures {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired MailSettings settings;
    @Autowired JavaMailSenderImpl sender;
    int configuredPort;
    int seen;

    @BeforeEach
    void mailOn() {
        configuredPort = sender.getPort();
        sender.setPort(SMTP.getSmtp().getPort());
        settings.setEnabled(true);
    }

    @AfterEach
    void mailOff() {
        settings.setEnabled(false);
        sender.setPort(configuredPort);
    }

    @Test
    @DisplayName("N1-3: a coordinator with three groups gets one request, one reminder for the two undecided, and the "
            + "MCS administrator one escalation for both")
    void oneMailPerReviewer() {
        group(clinic, coord, "見直し 2", nurse1);
        group(clinic, coord, "見直し 3", nurse2);
        ProcessInstance campaign = campaign();
        long id = campaignId(campaign);

        assertThat(notificationsOf(id)).as("one request to the coordinator, no mail per review task")
                .containsExactly("REVIEW_REQUEST");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(coord.userId() + "@example.jp");
            assertThat(mail.getSubject()).startsWith("【MCS運用ワークフロー】メンバーの見直しのお願い: 3 グループ（期限 ");
            assertThat(mail.getContent().toString()).contains("/camunda/app/tasklist/default/", "review:" + id + ":chunk:");
        });

        decide(group, coord.userId(), List.of(membershipOf(group, nurse1), membershipOf(group, nurse2)), null, Map.of());
        daysLater(campaign, 11);
        assertThat(notificationsOf(id)).containsExactly("REMINDER");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(coord.userId() + "@example.jp");
            assertThat(mail.getSubject()).isEqualTo(
                    "【MCS運用ワークフロー】催促: メンバーの見直し ほか、未処理のタスクが 2 件あります");
        });

        daysLater(campaign, 4);
        assertThat(notificationsOf(id)).containsExactly("ESCALATION");
        assertThat(sent()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(admin + "@example.jp");
            assertThat(mail.getSubject()).isEqualTo(
                    "【MCS運用ワークフロー】対応のお願い（エスカレーション）: メンバーの見直し（MCS管理者） 2 件");
        });
    }

    /** The kinds of the campaign's notifications not yet sent; their sending jobs run now. */
    private List<String> notificationsOf(long campaignId) {
        var pending = runtimeService.createProcessInstanceQuery().processDefinitionKey("notification")
                .processInstanceBusinessKeyLike("review:" + campaignId + ":%").list();
        List<String> kinds = pending.stream().map(p -> (String) runtimeService.getVariable(p.getId(), "kind")).toList();
        pending.forEach(p -> engine.getManagementService().createJobQuery().processInstanceId(p.getId()).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId())));
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
