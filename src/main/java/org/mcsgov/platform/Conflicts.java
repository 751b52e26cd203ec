package org.mcsgov.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two people completing the same task, approving the same invitation or cancelling it at the same moment: the
 * engine lets one transaction win and fails the other with an optimistic-locking error, or "cannot find task" when
 * the winner had already committed, or with whatever the loser's transaction tripped over while the winner removed
 * what it was reading (variables, authorizations, executions). All reach the person as a {@link Conflict} (409)
 * that says what happened, instead of a 500 (or a misleading 400/403) with the engine's text: a task action that
 * failed while its task went away lost to someone else. A clash is first tried again (up to 3 times in all), because the other
 * transaction may have been a job of the same process rather than a person; only a command that is a transaction of
 * its own is tried again, since one inside a caller's transaction cannot be rolled back alone. Only the commands
 * people trigger are translated: the job executor relies on seeing OptimisticLockingException itself.
 */
@Component
public class Conflicts extends AbstractProcessEnginePlugin {

    private static final int ATTEMPTS = 3;
    private static final Map<Class<?>, Field> TASK_IDS = Stream.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            ClaimTaskCmd.class).collect(Collectors.toMap(c -> c, Translation::taskIdField));
    private static final Set<Class<?>> PEOPLES_ACTIONS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            ClaimTaskCmd.class, CorrelateMessageCmd.class);

    /** A person's action on a task that another person's action ended first. */
    public static Conflict taskNoLongerOpen(Exception cause) {
        return new Conflict("このタスクは既に完了しているか、取り消されています。一覧を更新してください",
                "this task is no longer open: someone else completed it or it was cancelled; refresh the list", cause);
    }

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
            if (Context.getCommandContext() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
                return translated(command); // inside a caller's transaction: cannot be rolled back and tried alone
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return translated(command);
                } catch (RuntimeException e) {
                    String taskId = taskIdOf(command);
                    if (taskId != null && !(e instanceof Conflict) && gone(taskId)) {
                        // whatever the engine tripped over (a validation step reading variables the winner had
                        // just removed, an authorization that went with the task), the task was done by another
                        throw taskNoLongerOpen(e);
                    }
                    if (attempt == ATTEMPTS || !clash(e)) {
                        throw e;
                    }
                    // the whole transaction rolled back, so trying again is safe; the next try sees what the other
                    // party left: when a person won, it finds the task or the procedure gone and says so
                }
            }
        }

        /**
         * How another transaction acting on the same process at the same moment shows: an optimistic-locking
         * failure (often the other party was the engine itself, a job of the same process), or a read of what the
         * other had just ended: an execution tree ("Cannot restore state", a null parent: two cancels of one
         * invitation) or a task whose authorizations went with it. A genuine bug or refusal fails again on the
         * last try and stays a 500 or 403.
         */
        private static boolean clash(RuntimeException e) {
            return e instanceof Conflict && e.getCause() instanceof OptimisticLockingException
                    || e instanceof NullPointerException || e instanceof NullValueException
                    || e instanceof AuthorizationException || e.getClass() == ProcessEngineException.class;
        }

        private boolean gone(String taskId) {
            return next.execute(context -> context.getTaskManager().findTaskById(taskId) == null);
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
                throw taskNoLongerOpen(e);
            }
        }

        /** The task a task command acts on (the engine's commands keep it in a protected field, without getter). */
        private static String taskIdOf(Command<?> command) {
            Field field = TASK_IDS.get(command.getClass());
            if (field == null) {
                return null;
            }
            try {
                return (String) field.get(command);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Field taskIdField(Class<?> command) {
            try {
                Field field = command.getDeclaredField("taskId");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("the engine's " + command.getSimpleName() + " has no taskId", e);
            }
        }
    }
}
