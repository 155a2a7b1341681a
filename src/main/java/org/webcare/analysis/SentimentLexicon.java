package org.webcare.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valences (-4 … 4) of words, phrases, emoji and emoticons for one language, merged from the shipped lexicons:
 * Webcare's own customer-service lexicon first, then VADER and AFINN (English) or Pattern (Dutch, English adjectives).
 * Immutable once built; shared by all threads.
 */
final class SentimentLexicon {

    private static final String DIR = "analysis/lexicons/";
    private static final Pattern PATTERN_WORD = Pattern.compile(
            "<word form=\"([^\"]+)\"[^>]*?polarity=\"(-?[0-9.]+)\"");
    /** Pattern's polarity is -1 … 1; its strongest adjectives match VADER's strong words at about ±3. */
    private static final double PATTERN_SCALE = 3.0;
    /** AFINN is -5 … 5. */
    private static final double AFINN_SCALE = 0.8;

    private final String language;
    private final Map<String, Double> words;
    private final Map<String, Double> phrases;
    private final int longestPhrase;

    private SentimentLexicon(String language, Map<String, Double> words, Map<String, Double> phrases) {
        this.language = language;
        // HashMap rather than Map.copyOf: lookups of absent words, the common case, are cheaper.
        this.words = java.util.Collections.unmodifiableMap(new HashMap<>(words));
        this.phrases = java.util.Collections.unmodifiableMap(new HashMap<>(phrases));
        this.longestPhrase = phrases.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
    }

    static SentimentLexicon dutch() {
        Map<String, Double> words = new HashMap<>();
        Map<String, Double> phrases = new HashMap<>();
        readPattern("pattern-nl-sentiment.xml", words);
        readSymbols(words);
        readTsv(DIR + "webcare-nl.tsv", (key, value) -> put(key, value, words, phrases));
        addInflections(words);
        return new SentimentLexicon("nl", words, phrases);
    }

    static SentimentLexicon english() {
        Map<String, Double> words = new HashMap<>();
        Map<String, Double> phrases = new HashMap<>();
        readPattern("pattern-en-sentiment.xml", words);
        readTsv(DIR + "AFINN-en-165.txt", (key, value) -> put(key, value * AFINN_SCALE, words, phrases));
        readTsv(DIR + "vader_lexicon.txt", (key, value) -> put(key, value, words, phrases));
        readSymbols(words);
        readTsv(DIR + "webcare-en.tsv", (key, value) -> put(key, value, words, phrases));
        return new SentimentLexicon("en", words, phrases);
    }

    String language() {
        return language;
    }

    /** The valence of a word or symbol, or 0 when it carries none. */
    double valence(String token) {
        Double value = words.get(token);
        return value == null ? 0 : value;
    }

    boolean contains(String token) {
        return words.containsKey(token);
    }

    /** The valence of the phrase of exactly these words, or {@code null}. */
    Double phrase(String words) {
        return phrases.get(words);
    }

    int longestPhrase() {
        return longestPhrase;
    }

    /**
     * Dutch adjectives inflect ({@code slecht} → {@code slechte}, {@code slechter}, {@code slechtste}; {@code dik} →
     * {@code dikke}): the inflected forms get the valence of their base form, unless the lexicon rates them itself.
     * Done once here, so a post's words are each a single lookup.
     */
    private static void addInflections(Map<String, Double> words) {
        Map<String, Double> inflected = new HashMap<>();
        words.forEach((word, value) -> {
            if (word.length() < 3 || word.codePoints().anyMatch(c -> !Character.isLetter(c))) {
                return;
            }
            String doubled = word + word.charAt(word.length() - 1);
            for (String ending : DUTCH_ENDINGS) {
                if (word.length() > 3) {
                    inflected.putIfAbsent(word + ending, value);
                }
                inflected.putIfAbsent(doubled + ending, value);
            }
        });
        inflected.forEach(words::putIfAbsent);
    }

    private static final java.util.List<String> DUTCH_ENDINGS = java.util.List.of("e", "er", "ere", "ste", "st", "en", "s");

    private static void put(String key, double value, Map<String, Double> words, Map<String, Double> phrases) {
        String normal = key.strip().toLowerCase(Locale.ROOT);
        if (normal.contains(" ")) {
            phrases.put(normal, value);
        } else {
            words.put(normal, value);
        }
    }

    /** Emoji of every language, and the emoticons VADER and AFINN rate. */
    private static void readSymbols(Map<String, Double> words) {
        readTsv(DIR + "AFINN-emoticon-8.txt", (key, value) -> words.put(key, value * AFINN_SCALE));
        readTsv(DIR + "vader_lexicon.txt", (key, value) -> {
            if (key.codePoints().noneMatch(Character::isLetter) || key.startsWith("<") || key.startsWith(":") || key.startsWith(";")) {
                words.put(key, value);
            }
        });
        readTsv(DIR + "emoji.tsv", (key, value) -> words.put(key.replace("\uFE0F", ""), value));
    }

    /** Pattern rates senses: a form with several senses gets their mean polarity. */
    private static void readPattern(String file, Map<String, Double> words) {
        Map<String, double[]> sums = new HashMap<>();
        try (BufferedReader reader = open(DIR + file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher matcher = PATTERN_WORD.matcher(line);
                if (matcher.find()) {
                    double[] sum = sums.computeIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), k -> new double[2]);
                    sum[0] += Double.parseDouble(matcher.group(2));
                    sum[1]++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sums.forEach((form, sum) -> {
            double polarity = sum[0] / sum[1];
            if (Math.abs(polarity) >= 0.05) {
                words.put(form, polarity * PATTERN_SCALE);
            }
        });
    }

    /** Lines of {@code key<TAB>value[<TAB>…]}; {@code #} starts a comment line. */
    private static void readTsv(String resource, BiConsumer<String, Double> sink) {
        try (BufferedReader reader = open(resource)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("# ") || line.equals("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length >= 2) {
                    sink.accept(parts[0], Double.parseDouble(parts[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(String resource) {
        InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Lexicon " + resource + " is missing from the classpath");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
