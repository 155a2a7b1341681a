package org.webcare.cases;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the colleagues a note names: {@code @} followed by the local part of their e-mail address
 * ({@code @anne.devries}) or by their first name when no other colleague has it ({@code @Anne}), case-insensitive.
 * An {@code @} inside a word (an e-mail address in the text) names nobody; trailing punctuation is not part of the
 * name ({@code @anne.devries.}); names that fit nobody, or more than one colleague, stay plain text.
 */
final class MentionNames {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._%+@-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._%+-]*)");
    private static final String TRAILING = "._%+-";

    /** A colleague who can be mentioned. */
    record Colleague(long id, String email, String displayName) {

        String localPart() {
            int at = email.indexOf('@');
            return lower(at < 0 ? email : email.substring(0, at));
        }

        String firstName() {
            String trimmed = displayName == null ? "" : displayName.strip();
            int space = trimmed.indexOf(' ');
            return lower(space < 0 ? trimmed : trimmed.substring(0, space));
        }
    }

    private MentionNames() {
    }

    /** The colleagues the text names, in the order it names them, each once. */
    static List<Colleague> in(String text, List<Colleague> colleagues) {
        Set<Colleague> named = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            Colleague found = resolve(matcher.group(1), colleagues);
            if (found != null) {
                named.add(found);
            }
        }
        return List.copyOf(named);
    }

    private static Colleague resolve(String written, List<Colleague> colleagues) {
        String name = lower(written);
        while (!name.isEmpty()) {
            String candidate = name;
            List<Colleague> byAddress = colleagues.stream().filter(c -> c.localPart().equals(candidate)).toList();
            if (byAddress.size() == 1) {
                return byAddress.getFirst();
            }
            List<Colleague> byFirstName = colleagues.stream().filter(c -> c.firstName().equals(candidate)).toList();
            if (byAddress.isEmpty() && byFirstName.size() == 1) {
                return byFirstName.getFirst();
            }
            if (TRAILING.indexOf(name.charAt(name.length() - 1)) < 0) {
                return null;
            }
            name = name.substring(0, name.length() - 1);
        }
        return null;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
