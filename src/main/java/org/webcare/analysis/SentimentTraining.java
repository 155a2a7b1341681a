package org.webcare.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Builds the English sentiment model from labelled texts; the caller chooses the data (never held-out data). */
public final class SentimentTraining {

    public static final int EPOCHS = 8;
    public static final double LEARNING_RATE = 0.05;
    public static final double L2 = 1e-6;

    private SentimentTraining() {
    }

    /**
     * @param labels {@code negative}, {@code neutral} or {@code positive}, one per text, in a fixed order
     */
    public static void train(List<String> texts, List<String> labels, OutputStream target) throws IOException {
        RuleSentimentAnalyzer rules = RuleSentimentAnalyzer.load();
        List<SentimentModel.Example> examples = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            List<Token> tokens = Tokenizer.tokenize(texts.get(i));
            double[] dense = new double[SentimentFeatures.DENSE];
            int[] features = SentimentFeatures.of(tokens, rules.score(tokens, "en"), LanguageRules.ENGLISH, dense);
            examples.add(new SentimentModel.Example(features, dense, switch (labels.get(i)) {
                case "negative" -> 0;
                case "neutral" -> 1;
                case "positive" -> 2;
                default -> throw new IllegalArgumentException("label " + (i + 1) + ": '" + labels.get(i) + "' is not negative, neutral or positive");
            }));
        }
        SentimentModel.train(examples, EPOCHS, LEARNING_RATE, L2).write(target);
    }
}
