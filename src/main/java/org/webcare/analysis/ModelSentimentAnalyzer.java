package org.webcare.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.webcare.shared.SentimentLabel;

/**
 * English sentiment from a model trained on the training split of the airline tweets (word n-grams plus the rule
 * analyser's cues); Dutch, which the model never saw, from the rules alone.
 */
public final class ModelSentimentAnalyzer implements SentimentAnalyzer {

    private static final SentimentLabel[] LABELS = {SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE};

    private final RuleSentimentAnalyzer rules;
    private final SentimentModel english;

    ModelSentimentAnalyzer(RuleSentimentAnalyzer rules, SentimentModel english) {
        this.rules = rules;
        this.english = english;
    }

    /** The shipped model; {@code null} when the build has none (then the rules alone are used). */
    public static SentimentAnalyzer load(RuleSentimentAnalyzer rules) {
        try (InputStream in = ModelSentimentAnalyzer.class.getClassLoader().getResourceAsStream(SentimentModel.RESOURCE)) {
            return in == null ? rules : new ModelSentimentAnalyzer(rules, SentimentModel.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SentimentModel.RESOURCE, e);
        }
    }

    /** A model file, e.g. one just trained, to evaluate it before it is shipped. */
    public static SentimentAnalyzer load(RuleSentimentAnalyzer rules, java.nio.file.Path model) {
        try (InputStream in = java.nio.file.Files.newInputStream(model)) {
            return new ModelSentimentAnalyzer(rules, SentimentModel.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + model, e);
        }
    }

    @Override
    public Sentiment analyze(String text, String language) {
        if ("nl".equals(language)) {
            return rules.analyze(text, language);
        }
        List<Token> tokens = Tokenizer.tokenize(text);
        RuleSentimentAnalyzer.Scored cues = rules.score(tokens, "en");
        double[] dense = new double[SentimentFeatures.DENSE];
        int[] features = SentimentFeatures.of(tokens, cues, LanguageRules.ENGLISH, dense);
        double[] p = english.probabilities(features, dense);
        int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[2] >= p[1] ? 2 : 1;
        return new Sentiment(LABELS[best], Math.round((p[2] - p[0]) * 1000) / 1000.0);
    }
}
