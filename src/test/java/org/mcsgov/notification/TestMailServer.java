package org.mcsgov.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real SMTP server (GreenMail) for a process test, with mailing switched on in the running application for each test
 * and off again after it; what earlier tests left in the shared outbox is not sent to it. Register it as a static
 * {@code @RegisterExtension} field; the tests then send the outbox with {@link MailDrain#sendWaiting()}.
 */
public class TestMailServer extends GreenMailExtension {

    private int configuredPort;

    public TestMailServer() {
        super(ServerSetupTest.SMTP.dynamicPort());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        JavaMailSenderImpl sender = spring.getBean(JavaMailSenderImpl.class);
        configuredPort = sender.getPort();
        sender.setPort(getSmtp().getPort());
        spring.getBean(MailSettings.class).setEnabled(true);
        Outbox.leaveEarlierUnsent(spring.getBean(JdbcClient.class));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        spring.getBean(MailSettings.class).setEnabled(false);
        spring.getBean(JavaMailSenderImpl.class).setPort(configuredPort);
        super.afterEach(context);
    }
}
