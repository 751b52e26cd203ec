package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("errors people read: Japanese only, without the engine's English wrapper")
class JapaneseMessagesTest {

    @Test
    @DisplayName("a step's refusal wrapped by the REST layer: the Japanese half, no task id, no English")
    void refusalOfAStep() {
        String wrapped = "Cannot submit task form 6b0c2f1e-8f3a-11ef-9c1b-0242ac120002: 理由を入力してください / a reason is required";
        assertThat(JapaneseMessages.of(wrapped)).isEqualTo("理由を入力してください");
    }

    @Test
    @DisplayName("a Japanese half holding ' / ' and an English half holding ': ' stay apart")
    void slashesInside() {
        assertThat(JapaneseMessages.of("ENGINE-1: 「a / b」は入力できません / field a / b: not allowed"))
                .isEqualTo("「a / b」は入力できません");
        assertThat(JapaneseMessages.of("IDは英数字で始めてください / User has an invalid id: x y"))
                .isEqualTo("IDは英数字で始めてください");
    }

    @Test
    @DisplayName("the engine's English authorization dump and Camunda's application refusal become Japanese sentences")
    void englishOnly() {
        assertThat(JapaneseMessages.of("The user with id 'clinic-staff' does not have one of the following permissions:"
                + " 'CREATE' permission on resource 'task'")).isEqualTo(JapaneseMessages.NOT_PERMITTED);
        assertThat(JapaneseMessages.of("No access rights for cockpit")).startsWith("Cockpit（プロセスの状況）を利用する権限がありません");
        assertThat(JapaneseMessages.of("Cannot find task with id 42: task is null")).isEqualTo(JapaneseMessages.FAILED);
        assertThat(JapaneseMessages.of(null)).isEqualTo(JapaneseMessages.FAILED);
    }
}
