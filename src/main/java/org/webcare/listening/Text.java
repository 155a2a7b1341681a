package org.webcare.listening;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding for matching: lower case without accents, so {@code café} matches {@code cafe} and {@code CAFÉ}. */
final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 0x80;
        }
        return ascii ? lower : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
