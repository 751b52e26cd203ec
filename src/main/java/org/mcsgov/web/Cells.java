package org.mcsgov.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.mcsgov.platform.EngineClock;

/** How a register value reads on the page and in the CSV: times in the association's zone, to the minute. */
public final class Cells {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Cells() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime time) {
            return TIME.format(time.atZoneSameInstant(EngineClock.ZONE));
        }
        // the engine's times (tasks' created and due) are Dates: their toString and Thymeleaf's #dates use the
        // server's zone, which is UTC on a server that is not run with TZ=Asia/Tokyo (issue 15: task times in UTC)
        if (value instanceof java.util.Date date) {
            return TIME.format(date.toInstant().atZone(EngineClock.ZONE));
        }
        if (value instanceof java.time.Instant instant) {
            return TIME.format(instant.atZone(EngineClock.ZONE));
        }
        if (value instanceof Boolean yes) {
            return yes ? "はい" : "いいえ";
        }
        return value.toString();
    }
}
