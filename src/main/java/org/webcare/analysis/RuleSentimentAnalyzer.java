package org.webcare.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexicon and rules, after VADER (Hutto and Gilbert, 2014), for Dutch and English: negation with a scope of three
 * words, intensifiers and diminishers, contrast ({@code maar}, {@code but}: what follows weighs more), emoji and
 * emoticons, elongated words, capitals, exclamation marks, and a cheap sarcasm cue. Words the post's language does not
 * know are looked up in the other language too, since Dutch posts borrow English freely.
 */
public final class RuleSentimentAnalyzer implements SentimentAnalyzer {

    static final double CAPS_BOOST = 0.733;
    static final double NEGATION = -0.74;
    static final double BEFORE_CONTRAST = 0.5;
    static final double AFTER_CONTRAST = 1.5;
    private static final double BORROWED = 0.8;
    private static final double NORMALISER = 15;

    private final SentimentLexicon dutch;
    private final SentimentLexicon english;

    RuleSentimentAnalyzer(SentimentLexicon dutch, SentimentLexicon english) {
        this.dutch = dutch;
        this.english = english;
    }

    public static RuleSentimentAnalyzer load() {
        return new RuleSentimentAnalyzer(SentimentLexicon.dutch(), SentimentLexicon.english());
    }

    @Override
    public Sentiment analyze(String text, String language) {
        return Sentiment.of(score(Tokenizer.tokenize(text), language).compound());
    }

    /** The score and the cues that made it. */
    Scored score(List<Token> tokens, String language) {
        SentimentLexicon primary = "nl".equals(language) ? dutch : english;
        SentimentLexicon secondary = primary == dutch ? english : dutch;
        LanguageRules rules = LanguageRules.of(primary.language());
        List<Item> items = items(tokens, primary);
        boolean allCaps = tokens.stream().filter(Token::isWord).allMatch(Token::shouted);

        int contrastAt = -1;
        for (int i = 0; i < items.size(); i++) {
            if (rules.contrasts().contains(items.get(i).text())) {
                contrastAt = i;
            }
        }
        double[] valences = new double[items.size()];
        int negations = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            double v = item.valence() != 0 ? item.valence() : lookUp(item, primary, secondary, rules);
            if (v == 0) {
                continue;
            }
            if (item.token() != null) {
                if (item.token().shouted() && !allCaps) {
                    v += Math.signum(v) * CAPS_BOOST;
                }
                if (item.token().elongated()) {
                    v += Math.signum(v) * 0.293;
                }
            }
            double[] distanceScale = {1, 0.95, 0.9};
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                Item before = items.get(i - back);
                if (before.clauseEnd()) {
                    break;
                }
                double boost = rules.boost(before.text());
                if (boost != 0 && before.valence() == 0) {
                    v += Math.signum(v) * boost * distanceScale[back - 1];
                }
            }
            if (!item.negationInside() && negated(items, i, rules)) {
                v *= NEGATION;
                negations++;
            }
            if (contrastAt >= 0) {
                v *= i < contrastAt ? BEFORE_CONTRAST : i > contrastAt ? AFTER_CONTRAST : 1;
            }
            valences[i] = v;
        }
        if (sarcastic(items, valences, rules)) {
            for (int i = 0; i < valences.length; i++) {
                if (valences[i] > 0) {
                    valences[i] *= -0.5;
                }
            }
        }

        double positive = 0;
        double negative = 0;
        for (double v : valences) {
            if (v > 0) {
                positive += v;
            } else {
                negative += v;
            }
        }
        double sum = positive + negative;
        int exclamations = count(tokens, '!');
        int questions = count(tokens, '?');
        double emphasis = Math.min(4, exclamations) * 0.292 + (questions > 1 ? Math.min(3, questions) * 0.18 : 0);
        sum += Math.signum(sum) * emphasis;
        double compound = sum / Math.sqrt(sum * sum + NORMALISER);
        return new Scored(compound, positive, negative, negations, contrastAt >= 0, exclamations, questions);
    }

    /** Looks a word up in the post's language (whose lexicon knows inflected Dutch forms), then in the other language. */
    private static double lookUp(Item item, SentimentLexicon primary, SentimentLexicon secondary, LanguageRules rules) {
        if (item.token() == null || rules.negates(item.text()) || rules.boost(item.text()) != 0) {
            return 0;
        }
        String word = item.text();
        if (primary.contains(word)) {
            return primary.valence(word);
        }
        if (item.token().elongated()) {
            String single = word.replaceAll("(\\p{L})\\1", "$1");
            if (primary.contains(single)) {
                return primary.valence(single);
            }
        }
        if (item.token().isWord() && secondary.contains(word) && word.length() > 2) {
            return secondary.valence(word) * BORROWED;
        }
        return item.token().isWord() ? 0 : primary.valence(word);
    }

    private static boolean negated(List<Item> items, int at, LanguageRules rules) {
        for (int back = 1; back <= 3 && at - back >= 0; back++) {
            Item before = items.get(at - back);
            if (before.clauseEnd() || rules.contrasts().contains(before.text())) {
                return false;
            }
            if (rules.negates(before.text())) {
                return true;
            }
        }
        // Dutch puts "niet" after the verb: "het werkt niet", "ik vond het goed niet".
        if ("niet".equals(next(items, at)) && items.get(at).token() != null) {
            return true;
        }
        return false;
    }

    private static String next(List<Item> items, int at) {
        return at + 1 < items.size() && !items.get(at + 1).clauseEnd() ? items.get(at + 1).text() : null;
    }

    /**
     * Praise that meets an eye-roll emoji, an ironic "hoor" or a complaint in the same post reads as sarcasm when
     * the post also holds clear negative words: "Geweldig hoor, alweer een storing 🙄".
     */
    private static boolean sarcastic(List<Item> items, double[] valences, LanguageRules rules) {
        boolean marker = false;
        for (int i = 0; i < items.size(); i++) {
            String text = items.get(i).text();
            if (text.equals("🙄") || text.equals("😒") || text.equals("🙃")) {
                marker = true;
            }
            if (rules.sarcasmTags().contains(text) && i > 0 && valences[i - 1] > 0) {
                marker = true;
            }
        }
        if (!marker) {
            return false;
        }
        boolean praise = false;
        boolean blame = false;
        for (double v : valences) {
            praise |= v > 1;
            blame |= v < -1;
        }
        return praise && blame;
    }

    private static int count(List<Token> tokens, char mark) {
        int count = 0;
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.PUNCTUATION) {
                count += (int) token.text().chars().filter(c -> c == mark).count();
            }
        }
        return count;
    }

    /** Words, with known phrases merged into one item carrying the phrase's valence. */
    private static List<Item> items(List<Token> tokens, SentimentLexicon lexicon) {
        List<Item> items = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.PUNCTUATION) {
                items.add(new Item(token.text(), 0, null, false, token.text().matches(".*[.!?;,…].*")));
                i++;
                continue;
            }
            int matched = 0;
            Double phraseValence = null;
            if (token.isWord()) {
                StringBuilder phrase = new StringBuilder(token.text());
                for (int n = 1; n < lexicon.longestPhrase() && i + n < tokens.size() && tokens.get(i + n).isWord(); n++) {
                    phrase.append(' ').append(tokens.get(i + n).text());
                    Double value = lexicon.phrase(phrase.toString());
                    if (value != null) {
                        matched = n + 1;
                        phraseValence = value;
                    }
                }
            }
            if (phraseValence != null) {
                String first = token.text();
                boolean negationInside = LanguageRules.of(lexicon.language()).negates(first)
                        || tokens.subList(i, i + matched).stream().anyMatch(t -> LanguageRules.of(lexicon.language()).negates(t.text()));
                items.add(new Item(first + "…", phraseValence, token, negationInside, false));
                i += matched;
            } else {
                items.add(new Item(token.text(), 0, token, false, false));
                i++;
            }
        }
        return items;
    }

    /** An item of the post: a word, symbol or phrase ({@code valence} set), or punctuation ({@code token} null). */
    private record Item(String text, double valence, Token token, boolean negationInside, boolean clauseEnd) {
    }

    /** The cues behind a score, also the features of trained models. */
    record Scored(double compound, double positive, double negative, int negations, boolean contrast,
                  int exclamations, int questions) {
    }
}
