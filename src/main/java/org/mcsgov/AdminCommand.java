package org.mcsgov;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.mcsgov.audit.AuditLog;
import org.mcsgov.directory.AccountLock;
import org.mcsgov.security.factor.SecondFactors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The way back in for an account nobody else can help, `admin` above all (the MCS administrators' buttons and
 * procedures are for their own staff): {@code java -jar app.jar --mcs.unlock=admin} ends a failed-login lockout
 * (A11-3), {@code --mcs.reset-second-factor=admin} removes a lost second factor and its recovery codes (A11-3; the
 * person enrols again at the next login where the factor is required). Either starts the application without its web
 * server and job executor, on the same database settings, acts, writes an audit row (method CLI) and exits: 0 done,
 * 1 refused (no such user, a suspension's lock, no factor enrolled). Whoever can run the jar with the database
 * credentials is the system administrator already.
 */
public enum AdminCommand {

    UNLOCK("--mcs.unlock=") {
        @Override
        String act(ConfigurableApplicationContext context, String userId) {
            context.getBean(AccountLock.class).unlockFailedLogins(userId);
            return "unlocked " + userId + " (failed logins) from the command line";
        }
    },
    RESET_SECOND_FACTOR("--mcs.reset-second-factor=") {
        @Override
        String act(ConfigurableApplicationContext context, String userId) {
            if (!context.getBean(SecondFactors.class).reset(userId)) {
                throw new IllegalStateException("no second factor enrolled: " + userId);
            }
            return "second factor of " + userId + " reset from the command line";
        }
    };

    private static final String REST = "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";
    private static final String WEBAPPS = "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration";

    private final String option;

    AdminCommand(String option) {
        this.option = option;
    }

    /** Does it and returns what the audit row says; a refusal is an exception with its reason. */
    abstract String act(ConfigurableApplicationContext context, String userId);

    /** The command the command line asks for, if any. */
    public static Optional<AdminCommand> requested(String[] args) {
        return Arrays.stream(values()).filter(command -> command.userId(args).isPresent()).findFirst();
    }

    private Optional<String> userId(String[] args) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(option)).map(arg -> arg.substring(option.length()))
                .findFirst();
    }

    /** Runs the command the arguments name and returns the exit code. */
    public static int run(String... args) {
        AdminCommand command = requested(args).orElseThrow(() -> new IllegalArgumentException("no command"));
        String userId = command.userId(args).orElseThrow();
        // command-line arguments outrank every profile's file (the demo profile of spring-boot:run included)
        String[] commandLine = Stream.concat(Stream.of("--camunda.bpm.job-execution.enabled=false",
                "--mcs.demo.enabled=false", "--spring.autoconfigure.exclude=" + REST + "," + WEBAPPS),
                Arrays.stream(args)).toArray(String[]::new);
        try (var context = new SpringApplicationBuilder(McsGovernanceApplication.class)
                .web(WebApplicationType.NONE).run(commandLine)) {
            if (!context.getBean(AccountLock.class).exists(userId)) {
                System.err.println("no such user: " + userId);
                return 1;
            }
            String done;
            try {
                done = command.act(context, userId);
            } catch (RuntimeException refused) {
                System.err.println(refused.getMessage());
                return 1;
            }
            context.getBean(AuditLog.class).command(command.option + userId, done);
            System.out.println(done);
            return 0;
        }
    }
}
