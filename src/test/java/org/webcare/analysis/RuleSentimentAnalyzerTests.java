package org.webcare.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.webcare.shared.SentimentLabel;

class RuleSentimentAnalyzerTests {

    private static final RuleSentimentAnalyzer analyzer = RuleSentimentAnalyzer.load();

    private static SentimentLabel dutch(String text) {
        return analyzer.analyze(text, "nl").label();
    }

    private static SentimentLabel english(String text) {
        return analyzer.analyze(text, "en").label();
    }

    private static double score(String text, String language) {
        return analyzer.analyze(text, language).score();
    }

    @Test
    void readsPlainDutchPraiseAndBlame() {
        assertThat(dutch("Top geholpen door de webcare, echt super!")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(dutch("Wat een belachelijke service, al 3 dagen in de wacht")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(dutch("Mijn meterstand doorgegeven via de app.")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void turnsSentimentAroundUnderNegation() {
        assertThat(dutch("Ik ben niet tevreden over de monteur")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(dutch("Het was helemaal niet slecht")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(dutch("Geen klachten, alles netjes geregeld")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(english("The new app is not good")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(english("Honestly not bad at all")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void letsTheClauseAfterMaarOrButDecide() {
        assertThat(dutch("Snel geleverd, maar het apparaat is kapot en de klantenservice is onbereikbaar"))
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(english("The flight was delayed but the crew was amazing and so helpful"))
                .isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void weighsIntensifiersDiminishersCapitalsAndExclamations() {
        assertThat(score("Ik ben heel erg blij", "nl")).isGreaterThan(score("Ik ben blij", "nl"));
        assertThat(score("Ik ben best blij", "nl")).isLessThan(score("Ik ben blij", "nl"));
        assertThat(score("Dit is SLECHT", "nl")).isLessThan(score("Dit is slecht", "nl"));
        assertThat(score("Great service!!!", "en")).isGreaterThan(score("Great service", "en"));
        assertThat(score("Superrrr snel geholpen", "nl")).isGreaterThan(0.3);
    }

    @Test
    void readsEmojiAndEmoticons() {
        assertThat(dutch("Pakket is er 😍👍")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(dutch("Weer geen internet 😡😡")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(english("thanks :)")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(english("my bag is gone :(")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void readsCheapSarcasmAsNegative() {
        assertThat(dutch("Geweldig hoor, alweer een storing 🙄")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(english("Thanks for nothing, still no refund")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void readsEnglishWordsInDutchPosts() {
        assertThat(dutch("Epic fail weer van de NS, echt awful")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(dutch("Nieuwe app is echt awesome")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void knowsCustomerServiceVocabulary() {
        assertThat(dutch("Storing is eindelijk opgelost, dank je wel")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(dutch("Wachttijd van 45 minuten, niemand neemt op")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(english("Been on hold for 2 hours")).isEqualTo(SentimentLabel.NEGATIVE);
        // "bezorgd" is both "worried" and "delivered": in webcare it is nearly always the parcel.
        assertThat(dutch("Mijn bestelling is nog steeds niet bezorgd 😡")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void keepsScoresBetweenMinusOneAndOne() {
        assertThat(score("SUPER SUPER GOED!!!!!!! 😍😍😍😍 top top top", "nl")).isBetween(0.9, 1.0);
        assertThat(score("waardeloos slecht belachelijk schandalig 🤬🤬🤬!!!!", "nl")).isBetween(-1.0, -0.9);
    }
}
