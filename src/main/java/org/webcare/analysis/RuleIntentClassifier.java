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
 * Intents from per-language rules ({@code analysis/intents-<lang>.txt}: an intent and a regular expression a line),
 * with the sentiment as a cue: a clearly negative post complains, a clearly positive one with thanks compliments.
 * A question mark asks. Dutch posts are also checked against the English rules, as they borrow English.
 */
public final class RuleIntentClassifier implements IntentClassifier {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final double COMPLAINT_SCORE = -0.45;
    private static final double COMPLIMENT_SCORE = 0.6;
    private static final double PRAISE_OUTWEIGHS = 0.3;

    private final Map<Intent, List<Pattern>> dutch;
    private final Map<Intent, List<Pattern>> english;

    private RuleIntentClassifier(Map<Intent, List<Pattern>> dutch, Map<Intent, List<Pattern>> english) {
        this.dutch = dutch;
        this.english = english;
    }

    public static RuleIntentClassifier load() {
        return new RuleIntentClassifier(read("analysis/intents-nl.txt"), read("analysis/intents-en.txt"));
    }

    @Override
    public Set<Intent> classify(String text, String language, Sentiment sentiment) {
        String body = URL.matcher(text).replaceAll(" URL ").strip();
        String firstWords = body.replaceFirst("^([@#][\\p{L}\\p{N}_.]+[\\s,:]*)+", "");
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        match(english, body, firstWords, intents);
        if ("nl".equals(language)) {
            match(dutch, body, firstWords, intents);
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

    private static void match(Map<Intent, List<Pattern>> rules, String body, String firstWords, Set<Intent> intents) {
        rules.forEach((intent, patterns) -> {
            for (Pattern pattern : patterns) {
                boolean anchored = pattern.pattern().startsWith("^");
                if (pattern.matcher(anchored ? firstWords : body).find()) {
                    intents.add(intent);
                    return;
                }
            }
        });
    }

    private static Map<Intent, List<Pattern>> read(String resource) {
        Map<Intent, List<Pattern>> rules = new EnumMap<>(Intent.class);
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
                rules.computeIfAbsent(Intent.parse(parts[0]), k -> new ArrayList<>())
                        .add(Pattern.compile(parts[1], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }
}
