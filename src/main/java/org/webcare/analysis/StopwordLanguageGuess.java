package org.webcare.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fast first look at a post's language: when a post holds several function words of exactly one language, it is
 * that language and Lingua need not be asked. Written here because Lingua's n-gram models cost about 300 µs a post,
 * while most posts of a few sentences settle on their function words in about a microsecond; short and mixed posts
 * still go to Lingua. {@code AnalysisCommands} measures both and their agreement ({@code eval lang}).
 */
final class StopwordLanguageGuess {

    /** Function words of one language only: none is also a common word in another of these languages. */
    private static final Map<String, Set<String>> WORDS = Map.of(
            "nl", Set.of("het", "een", "ik", "jij", "niet", "van", "dat", "op", "te", "met", "voor", "naar",
                    "maar", "ook", "nog", "mijn", "jullie", "wij", "zijn", "heb", "hebben", "geen", "bij", "uit", "kan",
                    "moet", "wordt", "hoe", "waarom", "wanneer", "weer", "al", "er", "dit", "deze", "wel", "echt",
                    "graag", "bedankt", "heeft", "ben", "bent", "wat", "waar", "kunnen", "gaat", "meer", "nu",
                    "zo", "dan", "alleen", "toch", "helemaal", "goed", "omdat", "welke"),
            "en", Set.of("the", "and", "to", "my", "you", "your", "it", "for", "on", "with", "not", "this",
                    "that", "have", "has", "are", "be", "they", "but", "what", "why", "how", "can",
                    "will", "just", "been", "get", "got", "please", "thanks", "would", "could", "do", "does", "did",
                    "from", "there", "their", "our", "any", "when", "still", "again", "about", "an", "at", "if", "or",
                    "i'm", "it's", "don't", "can't", "i've", "you're"),
            "de", Set.of("der", "das", "und", "ist", "nicht", "ich", "mit", "ein", "eine", "zu", "auf", "für", "sie",
                    "wir", "ihr", "mein", "meine", "auch", "sich", "warum", "bitte", "danke", "habe",
                    "haben", "kein", "keine", "schon", "wird"),
            "fr", Set.of("le", "la", "les", "et", "est", "vous", "une", "des", "pour", "avec", "que",
                    "qui", "mon", "ma", "mes", "nous", "sur", "dans", "ce", "cette", "merci", "bonjour", "suis", "sont",
                    "mais", "très", "toujours", "encore", "votre"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    /** At least this many function words of the language, and at least this many times those of any other. */
    private static final int MINIMUM_HITS = 2;
    private static final int DOMINANCE = 4;

    private final List<String> languages;

    StopwordLanguageGuess(List<String> languages) {
        this.languages = languages.stream().filter(WORDS::containsKey).toList();
    }

    Optional<DetectedLanguage> guess(String text) {
        int[] hits = new int[languages.size()];
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            for (int i = 0; i < hits.length; i++) {
                if (WORDS.get(languages.get(i)).contains(word)) {
                    hits[i]++;
                }
            }
        }
        int best = -1;
        int second = 0;
        for (int i = 0; i < hits.length; i++) {
            if (best < 0 || hits[i] > hits[best]) {
                if (best >= 0) {
                    second = Math.max(second, hits[best]);
                }
                best = i;
            } else {
                second = Math.max(second, hits[i]);
            }
        }
        if (best < 0 || hits[best] < MINIMUM_HITS || hits[best] < DOMINANCE * second) {
            return Optional.empty();
        }
        return Optional.of(new DetectedLanguage(languages.get(best), Math.min(0.99, 0.8 + 0.03 * hits[best])));
    }
}
