package org.webcare.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.webcare.shared.Intent;

/**
 * Intents from per-language rules ({@code analysis/intents-<lang>.txt}: an intent and a lower-case regular expression
 * a line),
 * with the sentiment as a cue: a clearly negative post complains, a clearly positive one with thanks compliments.
 * A question mark asks. Dutch posts are also checked against the English rules, as they borrow English.
 */
public final class RuleIntentClassifier implements IntentClassifier {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final double COMPLAINT_SCORE = -0.45;
    private static final double COMPLIMENT_SCORE = 0.6;
    private static final double PRAISE_OUTWEIGHS = 0.3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'*]+");
    /** A word, or up to four words separated by single spaces, with nothing for a regular expression to do. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}'*\\\\]+( [\\p{L}\\p{N}'*\\\\]+){0,3}");

    private final Map<Intent, Rules> dutch;
    private final Map<Intent, Rules> english;

    private final Set<String> phraseStarts = new java.util.HashSet<>();

    private RuleIntentClassifier(Map<Intent, Rules> dutch, Map<Intent, Rules> english) {
        this.dutch = dutch;
        this.english = english;
        for (Map<Intent, Rules> rules : List.of(dutch, english)) {
            rules.values().forEach(rule -> rule.words().stream().filter(word -> word.contains(" "))
                    .forEach(phrase -> phraseStarts.add(phrase.substring(0, phrase.indexOf(' ')))));
        }
    }

    public static RuleIntentClassifier load() {
        return new RuleIntentClassifier(read("analysis/intents-nl.txt"), read("analysis/intents-en.txt"));
    }

    @Override
    public Set<Intent> classify(String text, String language, Sentiment sentiment) {
        String body = URL.matcher(text).replaceAll(" URL ").strip().toLowerCase(java.util.Locale.ROOT);
        String firstWords = body.replaceFirst("^([@#][\\p{L}\\p{N}_.]+[\\s,:]*)+", "");
        List<String> sequence = WORD.matcher(body).results().map(java.util.regex.MatchResult::group).toList();
        Set<String> words = new java.util.HashSet<>(sequence);
        // Word sequences only from words that begin some rule's phrase: most words begin none.
        for (int i = 0; i < sequence.size(); i++) {
            if (phraseStarts.contains(sequence.get(i))) {
                StringBuilder phrase = new StringBuilder(sequence.get(i));
                for (int n = 1; n < 4 && i + n < sequence.size(); n++) {
                    words.add(phrase.append(' ').append(sequence.get(i + n)).toString());
                }
            }
        }
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        match(english, body, firstWords, words, intents);
        if ("nl".equals(language)) {
            match(dutch, body, firstWords, words, intents);
        }
        if (body.contains("?")) {
            intents.add(Intent.QUESTION);
        }
        if (sentiment.score() <= COMPLAINT_SCORE) {
            intents.add(Intent.COMPLAINT);
        } else if (sentiment.score() >= PRAISE_OUTWEIGHS) {
            // A complaint word in a clearly positive post is negated or outweighed: "niet slecht", "no complaints".
            intents.remove(Intent.COMPLAINT);
        }
        if (sentiment.score() >= COMPLIMENT_SCORE && !intents.contains(Intent.COMPLAINT) && !intents.contains(Intent.QUESTION)) {
            intents.add(Intent.COMPLIMENT);
        }
        if (intents.contains(Intent.COMPLIMENT) && sentiment.score() < 0) {
            intents.remove(Intent.COMPLIMENT);
        }
        long urls = URL.matcher(text).results().count();
        if (urls >= 3 || (urls >= 1 && text.chars().filter(c -> c == '#').count() >= 4)) {
            intents.add(Intent.SPAM);
        }
        if (intents.contains(Intent.SPAM)) {
            intents.retainAll(EnumSet.of(Intent.SPAM));
        }
        return intents;
    }

    private static void match(Map<Intent, Rules> rules, String body, String firstWords, Set<String> words, Set<Intent> intents) {
        rules.forEach((intent, rule) -> {
            if (!intents.contains(intent) && rule.matches(body, firstWords, words)) {
                intents.add(intent);
            }
        });
    }

    /**
     * One intent's rules. Alternatives that are plain words or phrases of up to four words are looked up in the set of
     * the post's words and word sequences, which is many times faster than trying each as a regular expression at
     * every position; the rest stay expressions.
     */
    private record Rules(Set<String> words, List<Pattern> patterns) {

        boolean matches(String body, String firstWords, Set<String> postWords) {
            for (String word : postWords) {
                if (words.contains(word)) {
                    return true;
                }
            }
            for (Pattern pattern : patterns) {
                boolean anchored = pattern.pattern().startsWith("^");
                if (pattern.matcher(anchored ? firstWords : body).find()) {
                    return true;
                }
            }
            return false;
        }

        void add(String expression) {
            if (expression.startsWith("\\b(") && expression.endsWith(")\\b")) {
                List<String> rest = new ArrayList<>();
                for (String alternative : alternatives(expression.substring(3, expression.length() - 3))) {
                    if (PLAIN_WORD.matcher(alternative).matches()) {
                        words.add(alternative.replace("\\", ""));
                    } else {
                        rest.add(alternative);
                    }
                }
                if (!rest.isEmpty()) {
                    patterns.add(Pattern.compile("\\b(" + String.join("|", rest) + ")\\b"));
                }
            } else {
                patterns.add(Pattern.compile(expression));
            }
        }

        /** Splits on the top-level {@code |}, leaving groups intact. */
        private static List<String> alternatives(String expression) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < expression.length(); i++) {
                char c = expression.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    parts.add(expression.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(expression.substring(start));
            return parts;
        }
    }

    private static Map<Intent, Rules> read(String resource) {
        Map<Intent, Rules> rules = new EnumMap<>(Intent.class);
        InputStream in = RuleIntentClassifier.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Intent rules " + resource + " are missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException(resource + " line " + number + ": expected intent<TAB>pattern");
                }
                // Posts are lower-cased before matching, so the rules need no case-insensitive (slower) matching.
                rules.computeIfAbsent(Intent.parse(parts[0]), k -> new Rules(new java.util.HashSet<>(), new ArrayList<>()))
                        .add(parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
