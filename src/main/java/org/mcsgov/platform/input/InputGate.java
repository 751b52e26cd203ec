package org.mcsgov.platform.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The trust boundary of the engine (issue 12, DESIGN.md §5): whatever a person sends through the REST API,
 * Tasklist, Cockpit or the Java API passes here before the engine acts on it. A completion or a start carries only
 * the fields of its form (choices among the values offered, read-only fields unchanged and never written back), a
 * task is completed only by its assignee or a candidate and handed only to a candidate, candidates are the
 * process's, variables are never written around a form, and no one but the system administrator starts a process
 * in its middle or sends variables with a message or signal.
 * <p>
 * "A person" is a call with an authenticated user that is not nested in another command: the steps of a process,
 * its jobs and our own code after its own checks (without an authenticated user, {@code AsSystem}) are the
 * application itself. It runs outside every other interceptor, so nothing a person sent is seen by the engine
 * before it is checked.
 */
@Component
public class InputGate extends AbstractProcessEnginePlugin {

    static final String ADMINISTRATORS = "camunda-admin";

    private FormContracts contracts;
    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        contracts = new FormContracts(configuration::getRepositoryService);
        List<CommandInterceptor> interceptors = new ArrayList<>(
                Optional.ofNullable(configuration.getCustomPreCommandInterceptorsTxRequired()).orElse(List.of()));
        interceptors.add(0, new Gate(configuration, contracts));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** What a person may send to a user task (the attack tests read it to forge everything else). */
    public FormContract taskContract(String processDefinitionId, String taskDefinitionKey) {
        return asSystem(() -> contracts.of(processDefinitionId, taskDefinitionKey));
    }

    /** What a person may send when starting the process. */
    public FormContract startContract(String processDefinitionId) {
        return asSystem(() -> contracts.start(processDefinitionId));
    }

    private <T> T asSystem(Supplier<T> call) {
        IdentityService identity = configuration.getIdentityService();
        Authentication person = identity.getCurrentAuthentication();
        return person == null ? call.get() : Gate.asSystem(identity, person, call);
    }

    static boolean isAdministrator(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(ADMINISTRATORS);
    }

    static final class Gate extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;
        private final FormContracts contracts;
        private volatile Checks checks;

        Gate(ProcessEngineConfigurationImpl configuration, FormContracts contracts) {
            this.configuration = configuration;
            this.contracts = contracts;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() != null) {
                return next.execute(command); // nested in a command: a step or a listener of the engine
            }
            IdentityService identity = configuration.getIdentityService();
            Authentication person = identity == null ? null : identity.getCurrentAuthentication();
            if (person == null || person.getUserId() == null) {
                return next.execute(command);
            }
            // the checks' reads (the task, its candidate groups, the variables a form shows read-only) in one
            // transaction of their own, not one each (issue 17: a completion read its task in up to five)
            asSystem(identity, person, () -> configuration.getCommandExecutorTxRequired().execute(context -> {
                checks().check(command, person);
                return null;
            }));
            return next.execute(command);
        }

        private Checks checks() {
            if (checks == null) {
                checks = new Checks(configuration.getTaskService(), configuration.getIdentityService(),
                        configuration.getRepositoryService(), contracts);
            }
            return checks;
        }

        /** The checks read what the person may not (identity links, deployments): without the person's login. */
        static <T> T asSystem(IdentityService identity, Authentication person, Supplier<T> call) {
            identity.clearAuthentication();
            try {
                return call.get();
            } finally {
                identity.setAuthentication(person);
            }
        }
    }

    /** Refused for everybody but the system administrator (Cockpit's repairs). */
    static AuthorizationException administratorsOnly(String japanese, String english) {
        return new AuthorizationException(japanese + "はシステム管理者だけが行えます / only a system administrator may " + english);
    }

    static boolean hasAny(Map<?, ?>... maps) {
        for (Map<?, ?> map : maps) {
            if (map != null && !map.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
