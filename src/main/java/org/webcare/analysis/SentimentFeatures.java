package org.webcare.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The features of the trained sentiment model: hashed word unigrams and bigrams (words after a negation marked as
 * negated, mentions, links and numbers reduced to placeholders) and the rule analyser's cues as dense features.
 */
final class SentimentFeatures {

    static final int HASH_BITS = 18;
    static final int DENSE = 8;
    private static final int MASK = (1 << HASH_BITS) - 1;

    private SentimentFeatures() {
    }

    /** Hashed sparse features of a post, and its dense features in {@code dense} (length {@link #DENSE}). */
    static int[] of(List<Token> tokens, RuleSentimentAnalyzer.Scored cues, LanguageRules rules, double[] dense) {
        List<String> words = new ArrayList<>(tokens.size());
        boolean negated = false;
        for (Token token : tokens) {
            String word = switch (token.kind()) {
                case MENTION -> "@user";
                case URL -> "<url>";
                case NUMBER -> "<num>";
                case PUNCTUATION -> token.text().contains("!") ? "!" : token.text().contains("?") ? "?" : null;
                default -> token.text();
            };
            if (word == null || token.kind() == Token.Kind.PUNCTUATION) {
                negated = false;
                if (word == null) {
                    continue;
                }
            }
            words.add(negated && token.isWord() ? "NOT_" + word : word);
            if (token.isWord() && rules.negates(token.text())) {
                negated = true;
            }
        }
        int[] features = new int[words.size() * 2];
        int n = 0;
        for (int i = 0; i < words.size(); i++) {
            features[n++] = bucket("u:" + words.get(i));
            if (i > 0) {
                features[n++] = bucket("b:" + words.get(i - 1) + " " + words.get(i));
            }
        }
        dense[0] = cues.compound();
        dense[1] = cues.positive() / 5;
        dense[2] = cues.negative() / 5;
        dense[3] = Math.min(3, cues.negations()) / 3.0;
        dense[4] = cues.contrast() ? 1 : 0;
        dense[5] = Math.min(4, cues.exclamations()) / 4.0;
        dense[6] = Math.min(3, cues.questions()) / 3.0;
        dense[7] = 1;
        return java.util.Arrays.copyOf(features, n);
    }

    /** A stable hash (String.hashCode is specified), so a model file means the same on every JVM. */
    static int bucket(String feature) {
        int h = feature.hashCode();
        return (h ^ (h >>> HASH_BITS)) & MASK;
    }
}
