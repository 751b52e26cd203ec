package org.mcsgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Every time on a register page reads in Asia/Tokyo, whatever the server's zone (issue 15: task times in UTC). */
class CellsTest {

    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-30T15:30:00Z");

    @Test
    void everyKindOfTimeInTokyo() {
        assertThat(Cells.text(Date.from(LATE_EVENING_UTC))).isEqualTo("2026-12-01 00:30");
        assertThat(Cells.text(Timestamp.from(LATE_EVENING_UTC))).isEqualTo("2026-12-01 00:30");
        assertThat(Cells.text(LATE_EVENING_UTC)).isEqualTo("2026-12-01 00:30");
        assertThat(Cells.text(OffsetDateTime.parse("2026-11-30T15:30:00Z"))).isEqualTo("2026-12-01 00:30");
        assertThat(Cells.text(null)).isEmpty();
    }
}
