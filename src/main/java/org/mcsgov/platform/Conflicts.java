package org.mcsgov.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Two people completing the same task, approving the same invitation or cancelling it at the same moment: the
 * engine lets one transaction win and fails the other with an optimistic-locking error, or "cannot find task" when
 * the winner had already committed. Both reach the person as a {@link Conflict} (409) that says what happened,
 * instead of a 500 with the engine's text; an optimistic-locking failure is first tried again (up to 3 times in
 * all), because the other transaction may have been a job of the same process rather than a person. Only the commands people trigger are translated: the job executor
 * relies on seeing OptimisticLockingException itself.
 */
@Component
public class Conflicts extends AbstractProcessEnginePlugin {

    private static final int ATTEMPTS = 3;
    private static final Set<Class<?>> PEOPLES_ACTIONS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            ClaimTaskCmd.class, CorrelateMessageCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>(
                Optional.ofNullable(configuration.getCustomPreCommandInterceptorsTxRequired()).orElse(List.of()));
        interceptors.add(new Translation());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Outside the transaction interceptor, so it also sees the failure of the commit. */
    static class Translation extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!PEOPLES_ACTIONS.contains(command.getClass())) {
                return next.execute(command);
            }
            for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
                try {
                    return translated(command);
                } catch (Conflict conflict) {
                    if (!(conflict.getCause() instanceof OptimisticLockingException)) {
                        throw conflict;
                    }
                    // often the other party was the engine itself (a job of the same process, e.g. a fan-out's
                    // continuation): the whole transaction rolled back, so trying again is safe; when a person won,
                    // the next try finds the task gone and says so
                }
            }
            return translated(command);
        }

        private <T> T translated(Command<T> command) {
            try {
                return next.execute(command);
            } catch (OptimisticLockingException e) {
                throw new Conflict("他の人が同時に同じ操作をしたため、あなたの操作は保存されていません。一覧を更新して結果を確認してください",
                        "someone else acted on this at the same moment; your action was not saved, refresh to see the result", e);
            } catch (MismatchingMessageCorrelationException e) {
                throw new Conflict("この手続きは既に終了しているか、他の人の操作で先に進んでいます。一覧を更新してください",
                        "this procedure has ended or moved on through someone else's action; refresh the list", e);
            } catch (TaskAlreadyClaimedException e) {
                throw new Conflict("このタスクは既に " + e.getTaskAssignee() + " さんが担当しています",
                        "this task is already claimed by " + e.getTaskAssignee(), e);
            } catch (NullValueException e) {
                if (command instanceof CorrelateMessageCmd) {
                    throw e;
                }
                throw new Conflict("このタスクは既に完了しているか、取り消されています。一覧を更新してください",
                        "this task is no longer open: someone else completed it or it was cancelled; refresh the list", e);
            }
        }
    }
}
