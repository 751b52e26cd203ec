package org.mcsgov.web;

import java.text.Normalizer;
import java.util.Map;

/**
 * A person searched by name or kana as people type it (issue 15): hiragana or katakana, half-width katakana, with or
 * without the space between family and given name. Both sides are compared without spaces; the typed text is NFKC
 * normalised (half-width katakana and full-width letters become the stored forms) and its hiragana become katakana,
 * the form kana is stored in (A8-5).
 */
final class PersonSearch {

    /** The name or kana column of SQL without its half- and full-width spaces, to compare with {@link #pattern}. */
    static String column(String column) {
        return "REPLACE(REPLACE(" + column + ", ' ', ''), '　', '')";
    }

    /** The condition on a person's name and kana columns, with the named parameter :q. */
    static String condition(String nameColumn, String kanaColumn) {
        return column(nameColumn) + " LIKE :q OR " + column(kanaColumn) + " LIKE :q";
    }

    /** The LIKE pattern of the search field, or null when the field is blank. */
    static String pattern(Map<String, String> criteria, String name) {
        String typed = Criteria.text(criteria, name);
        if (typed == null) {
            return null;
        }
        String key = katakana(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("[\\s　]", "")
                .replace("%", "").replace("_", "");
        return key.isEmpty() ? null : "%" + key + "%";
    }

    /** Hiragana (U+3041–U+3096) to katakana (the same letters 0x60 higher); everything else unchanged. */
    static String katakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
        return out.toString();
    }

    private PersonSearch() {
    }
}
