package org.mcsgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("durations in words, as forms and mails show them (issue 15)")
class DurationWordsTest {

    @Test
    @DisplayName("days, months, years, hours, minutes; a setting that is no duration shown as it is")
    void words() {
        assertThat(DurationWords.of("P14D")).isEqualTo("14日");
        assertThat(DurationWords.of("P3M")).isEqualTo("3か月");
        assertThat(DurationWords.of("P1Y2M3D")).isEqualTo("1年2か月3日");
        assertThat(DurationWords.of("PT24H")).isEqualTo("24時間");
        assertThat(DurationWords.of("PT36H")).isEqualTo("36時間");
        assertThat(DurationWords.of("PT1H30M")).isEqualTo("1時間30分");
        assertThat(DurationWords.of("PT45S")).isEqualTo("45秒");
        assertThat(DurationWords.of("R/P3D")).isEqualTo("R/P3D");
        assertThat(DurationWords.of(null)).isEqualTo("null");
    }
}
