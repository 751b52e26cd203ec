package org.mcsgov;

import java.util.UUID;

public final class TestNames {

    private TestNames() {
    }

    /** A unique katakana name, so that runs on a shared database never collide. */
    public static String kana() {
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノ";
        StringBuilder kana = new StringBuilder("テスト");
        UUID.randomUUID().toString().chars().limit(8).forEach(c -> kana.append(letters.charAt(c % letters.length())));
        return kana.toString();
    }
}
