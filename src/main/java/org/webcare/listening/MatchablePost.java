package org.webcare.listening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post prepared once for matching against every query: its terms in order (folded, and as written), the distinct
 * terms (a hashtag also as its bare word) and its fields.
 *
 * @param fields lower-case field values: {@code author}, {@code lang}, {@code channel}, {@code site},
 *               {@code sentiment}, {@code intent} (space-separated), {@code addressed}
 */
public record MatchablePost(String text, List<String> terms, List<String> originals, Set<String> distinctTerms,
                            Map<String, String> fields, Long followers) {

    // Hashtags and mentions keep their sign; words may hold apostrophes and hyphens inside; emoji are terms too.
    static final Pattern TERM = Pattern.compile(
            "[#@][\\p{L}\\p{N}_]+|[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*|\\p{So}");

    public static MatchablePost of(String text, Map<String, String> fields, Long followers) {
        List<String> terms = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        Matcher matcher = TERM.matcher(text);
        while (matcher.find()) {
            originals.add(matcher.group());
            terms.add(Text.fold(matcher.group()));
        }
        Map<String, String> lower = new java.util.HashMap<>();
        fields.forEach((key, value) -> {
            if (value != null) {
                lower.put(key, value.toLowerCase(Locale.ROOT));
            }
        });
        Set<String> distinct = new HashSet<>(terms);
        for (String term : terms) {
            if (term.startsWith("#")) {
                distinct.add(term.substring(1));
            }
        }
        return new MatchablePost(text, Collections.unmodifiableList(terms), Collections.unmodifiableList(originals),
                Collections.unmodifiableSet(distinct), Map.copyOf(lower), followers);
    }
}
