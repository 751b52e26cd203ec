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
        if (value instanceof Boolean yes) {
            return yes ? "はい" : "いいえ";
        }
        return value.toString();
    }
}
