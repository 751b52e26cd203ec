package org.mcsgov.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.mcsgov.McsGovernanceApplication;
import org.mcsgov.audit.AuditLog;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A11-3: the way back in for an account nobody else can unlock, `admin` above all (five bad logins lock it, and the
 * MCS administrators' button is for their own staff): {@code java -jar app.jar --mcs.unlock=admin} (or
 * {@code mvn spring-boot:run -Dspring-boot.run.arguments=--mcs.unlock=admin}) starts the application without its web
 * server and job executor, on the same database settings, ends the failed-login lockout, writes it to the audit
 * log and exits. Whoever can run the jar with the database credentials is the system administrator already.
 */
public final class UnlockCommand {

    static final String OPTION = "--mcs.unlock=";
    private static final String REST = "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";
    private static final String WEBAPPS = "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration";

    private UnlockCommand() {
    }

    /** The user id of {@code --mcs.unlock=<id>}, if the command line asks for it. */
    public static Optional<String> requested(String[] args) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(OPTION)).map(arg -> arg.substring(OPTION.length()))
                .findFirst();
    }

    /** Unlocks and returns the exit code: 0 unlocked, 1 refused (no such user, or a suspension's lock). */
    public static int run(String userId, String... args) {
        // command-line arguments outrank every profile's file (the demo profile of spring-boot:run included)
        String[] commandLine = Stream.concat(Stream.of("--camunda.bpm.job-execution.enabled=false",
                "--mcs.demo.enabled=false", "--spring.autoconfigure.exclude=" + REST + "," + WEBAPPS),
                Arrays.stream(args)).toArray(String[]::new);
        try (var context = new SpringApplicationBuilder(McsGovernanceApplication.class)
                .web(WebApplicationType.NONE).run(commandLine)) {
            AccountLock accounts = context.getBean(AccountLock.class);
            AuditLog audit = context.getBean(AuditLog.class);
            if (!accounts.exists(userId)) {
                System.err.println("no such user: " + userId);
                return 1;
            }
            try {
                accounts.unlockFailedLogins(userId);
            } catch (RuntimeException refused) {
                System.err.println(refused.getMessage());
                return 1;
            }
            audit.command(OPTION + userId, "unlocked " + userId + " (failed logins) from the command line");
            System.out.println("unlocked: " + userId);
            return 0;
        }
    }
}
