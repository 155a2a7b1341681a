package org.webcare.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webcare.shared.Intent.CANCEL;
import static org.webcare.shared.Intent.COMPLAINT;
import static org.webcare.shared.Intent.COMPLIMENT;
import static org.webcare.shared.Intent.LEAD;
import static org.webcare.shared.Intent.QUESTION;
import static org.webcare.shared.Intent.SPAM;
import static org.webcare.shared.Intent.URGENT;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.webcare.shared.Intent;

class RuleIntentClassifierTests {

    private static final RuleIntentClassifier intents = RuleIntentClassifier.load();
    private static final RuleSentimentAnalyzer sentiment = RuleSentimentAnalyzer.load();

    private static Set<Intent> dutch(String text) {
        return intents.classify(text, "nl", sentiment.analyze(text, "nl"));
    }

    private static Set<Intent> english(String text) {
        return intents.classify(text, "en", sentiment.analyze(text, "en"));
    }

    @Test
    void findsQuestions() {
        assertThat(dutch("Hoe kan ik mijn meterstand doorgeven")).contains(QUESTION);
        assertThat(dutch("@Polderstroom weet iemand wanneer de monteur komt?")).contains(QUESTION);
        assertThat(english("How do I change my billing address")).contains(QUESTION);
    }

    @Test
    void findsComplaints() {
        assertThat(dutch("Al 3 dagen geen reactie op mijn mail, belachelijk")).contains(COMPLAINT);
        assertThat(dutch("Jullie service is niet goed")).contains(COMPLAINT);
        assertThat(english("Still waiting for my refund, this is ridiculous")).contains(COMPLAINT);
        assertThat(dutch("Het was helemaal niet slecht, dank je")).doesNotContain(COMPLAINT);
    }

    @Test
    void findsCompliments() {
        assertThat(dutch("Top geholpen door Sanne, bedankt!")).contains(COMPLIMENT);
        assertThat(english("Kudos to your support team, fixed in 5 minutes")).contains(COMPLIMENT);
        assertThat(dutch("Bedankt voor niks, nog steeds geen stroom")).doesNotContain(COMPLIMENT);
    }

    @Test
    void findsLeads() {
        assertThat(dutch("Wat kost zonnepanelen bij jullie voor een rijtjeshuis?")).contains(LEAD, QUESTION);
        assertThat(english("Can I get a quote for switching my business to you?")).contains(LEAD);
    }

    @Test
    void findsUrgentPosts() {
        assertThat(dutch("Hele wijk zonder stroom, landelijke storing?")).contains(URGENT);
        assertThat(dutch("Ik ruik gas in de meterkast, wat moet ik doen")).contains(URGENT);
        assertThat(dutch("Als dit niet opgelost wordt schakel ik een advocaat in")).contains(URGENT);
        assertThat(english("If this isn't fixed today I'm going to the press")).contains(URGENT);
        assertThat(english("There is a gas leak outside my house")).contains(URGENT);
    }

    @Test
    void findsCancellations() {
        assertThat(dutch("Ik wil per direct mijn contract opzeggen")).contains(CANCEL);
        assertThat(english("Please cancel my subscription, I'm done")).contains(CANCEL);
    }

    @Test
    void findsSpamAndNothingElseInIt() {
        assertThat(dutch("Verdien snel geld met crypto!! klik hier https://x.example/a")).containsExactly(SPAM);
        assertThat(english("Follow back for free followers https://a.example https://b.example https://c.example"))
                .containsExactly(SPAM);
    }

    @Test
    void findsNoIntentInSmallTalk() {
        assertThat(dutch("Zit in de trein naar Utrecht")).isEmpty();
        assertThat(english("Reading the news on my phone")).isEmpty();
    }
}
