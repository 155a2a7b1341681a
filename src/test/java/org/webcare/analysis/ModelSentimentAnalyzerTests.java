package org.webcare.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.webcare.shared.SentimentLabel;

class ModelSentimentAnalyzerTests {

    private static final RuleSentimentAnalyzer rules = RuleSentimentAnalyzer.load();
    private static final SentimentAnalyzer shipped = ModelSentimentAnalyzer.load(rules);

    @Test
    void shipsATrainedEnglishModel() {
        assertThat(shipped).isInstanceOf(ModelSentimentAnalyzer.class);
        assertThat(shipped.analyze("@airline my flight was cancelled and nobody can tell me why", "en").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(shipped.analyze("@airline thank you so much, the crew was wonderful today!", "en").label())
                .isEqualTo(SentimentLabel.POSITIVE);
        assertThat(shipped.analyze("@airline what time does the check-in desk open tomorrow?", "en").label())
                .isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void readsDutchWithTheRulesItWasNotTrainedFor() {
        String dutch = "Ik ben niet tevreden over de monteur";

        assertThat(shipped.analyze(dutch, "nl")).isEqualTo(rules.analyze(dutch, "nl"));
    }

    @Test
    void trainsTheSameModelFromTheSameDataEveryTime() throws Exception {
        List<String> texts = List.of("great service thanks", "terrible delay again", "where is gate 5", "love the crew",
                "lost my bag, awful", "is wifi on board?");
        List<String> labels = List.of("positive", "negative", "neutral", "positive", "negative", "neutral");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        SentimentTraining.train(texts, labels, first);
        SentimentTraining.train(texts, labels, second);

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
        ModelSentimentAnalyzer trained = new ModelSentimentAnalyzer(rules, SentimentModel.read(new java.io.ByteArrayInputStream(first.toByteArray())));
        assertThat(trained.analyze("awful delay", "en").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }
}
