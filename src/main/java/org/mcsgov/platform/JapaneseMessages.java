package org.mcsgov.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person reads of an error the engine or Camunda's webapps raised: Japanese only. Our refusals carry
 * "日本語 / English" ({@link UserError}, the input gate), which the engine's REST layer wraps in English
 * ("Cannot submit task form 6b0c…: …"); the engine's own refusals are English only (an authorization dump). The
 * wrapper and the English half are dropped, an English-only message becomes a Japanese sentence; the original goes
 * to the log for the operator.
 */
public final class JapaneseMessages {

    static final String NOT_PERMITTED = "この操作を行う権限がありません。必要なときは事業所のMCS管理者か医師会事務局に相談してください";
    static final String FAILED = "操作を完了できませんでした。画面を読み込み直してもう一度お試しください。続くときは管理者に連絡してください";

    /** An English wrapper before the message: "Cannot submit task form <id>: ", "ENGINE-13005 …: ". */
    private static final Pattern WRAPPER = Pattern.compile("^[\\x20-\\x7E]*?: ");
    private static final Pattern NO_ACCESS = Pattern.compile("No access rights for (\\w+)");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}「」。、]");

    private JapaneseMessages() {
    }

    public static String of(String message) {
        if (message == null || message.isBlank()) {
            return FAILED;
        }
        String text = message.strip();
        Matcher wrapper = WRAPPER.matcher(text);
        while (wrapper.find() && japanese(text.substring(wrapper.end()))) {
            text = text.substring(wrapper.end());
            wrapper = WRAPPER.matcher(text);
        }
        if (!japanese(text)) {
            return english(text);
        }
        // the English half: after the first " / " that only English follows
        for (int slash = text.indexOf(" / "); slash >= 0; slash = text.indexOf(" / ", slash + 1)) {
            if (japanese(text.substring(0, slash)) && !japanese(text.substring(slash + 3))) {
                return text.substring(0, slash);
            }
        }
        return text;
    }

    /** An English-only message of the engine or the webapps, in words a person understands. */
    private static String english(String text) {
        Matcher noAccess = NO_ACCESS.matcher(text);
        if (noAccess.find()) {
            return application(noAccess.group(1)) + "を利用する権限がありません。必要なときは事業所のMCS管理者か医師会事務局に相談してください";
        }
        boolean refused = text.contains("does not have") || text.contains("not authorized") || text.contains("permission");
        return refused ? NOT_PERMITTED : FAILED;
    }

    private static String application(String name) {
        return switch (name) {
            case "cockpit" -> "Cockpit（プロセスの状況）";
            case "tasklist" -> "Tasklist（タスク）";
            case "admin" -> "Admin（管理）";
            default -> name;
        };
    }

    static boolean japanese(String text) {
        return JAPANESE.matcher(text).find();
    }
}
