package org.mcsgov.platform;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * An ISO 8601 duration of the settings (P14D, PT24H, P3M) as people read it (「14日」「24時間」「3か月」): forms and mails
 * show durations in words, never the code (issue 15: the take-out form read 「最長 P14D」).
 */
public final class DurationWords {

    private DurationWords() {
    }

    public static String of(String iso) {
        try {
            return iso.contains("T") ? time(Duration.parse(iso)) : date(Period.parse(iso));
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(iso);   // not a duration (a setting newer than this code): shown as it is
        }
    }

    private static String date(Period period) {
        StringBuilder words = new StringBuilder();
        if (period.getYears() != 0) {
            words.append(period.getYears()).append("年");
        }
        if (period.getMonths() != 0) {
            words.append(period.getMonths()).append("か月");
        }
        if (period.getDays() != 0) {
            words.append(period.getDays()).append("日");
        }
        return words.isEmpty() ? "0日" : words.toString();
    }

    private static String time(Duration duration) {
        StringBuilder words = new StringBuilder();
        long hours = duration.toHours();
        if (hours != 0) {
            words.append(hours).append("時間");
        }
        if (duration.toMinutesPart() != 0) {
            words.append(duration.toMinutesPart()).append("分");
        }
        return words.isEmpty() ? duration.toSeconds() + "秒" : words.toString();
    }
}
