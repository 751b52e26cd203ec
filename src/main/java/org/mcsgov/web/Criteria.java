package org.mcsgov.web;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.mcsgov.platform.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Reading a list's search fields from the request: blank means unused, a malformed value is a 400. */
final class Criteria {

    private Criteria() {
    }

    static String text(Map<String, String> criteria, String name) {
        String value = criteria.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "contains", for LIKE. */
    static String contains(Map<String, String> criteria, String name) {
        String value = text(criteria, name);
        return value == null ? null : "%" + value.replace("%", "").replace("_", "") + "%";
    }

    static Long number(Map<String, String> criteria, String name) {
        String value = text(criteria, name);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw bad(name, value);
        }
    }

    static Boolean yesNo(Map<String, String> criteria, String name) {
        String value = text(criteria, name);
        return value == null ? null : Boolean.valueOf(value);
    }

    static LocalDate day(Map<String, String> criteria, String name) {
        String value = text(criteria, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(name, value);
        }
    }

    /** Rows valid at some time on day D (Asia/Tokyo): valid_from before its end, valid_to not before its start. */
    static Where validOn(Where where, String alias, LocalDate day) {
        return day == null ? where : where.and(alias + ".valid_from < :dayEnd AND (" + alias + ".valid_to IS NULL OR "
                + alias + ".valid_to >= :dayStart)", "dayEnd", end(day)).param("dayStart", start(day));
    }

    /** Events at a time on day D (Asia/Tokyo). */
    static Where onDay(Where where, String column, LocalDate day) {
        return day == null ? where : where.and(column + " >= :dayStart AND " + column + " < :dayEnd", "dayStart",
                start(day)).param("dayEnd", end(day));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
    }

    private static Timestamp end(LocalDate day) {
        return start(day.plusDays(1));
    }

    private static ResponseStatusException bad(String name, String value) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "検索条件が正しくありません / bad search value: "
                + name + "=" + value);
    }
}
