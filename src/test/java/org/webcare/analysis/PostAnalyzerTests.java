package org.webcare.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;

class PostAnalyzerTests {

    private static final PostAnalyzer analyzer = PostAnalyzer.create(LinguaLanguageDetector.DEFAULT_LANGUAGES);

    private static AnalysisRequest aPost(String text, List<String> handles, boolean privateMessage, Long followers) {
        return new AnalysisRequest(text, null, followers, handles, privateMessage, false, 0, 0);
    }

    @Test
    void analysesADutchComplaintToTheBrand() {
        Analysis analysis = analyzer.analyze(aPost("@Polderstroom al 2 dagen geen stroom en niemand neemt op!! Belachelijk",
                List.of("@Polderstroom"), false, 120L));

        assertThat(analysis.language().code()).isEqualTo("nl");
        assertThat(analysis.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analysis.intents()).contains(Intent.COMPLAINT, Intent.URGENT);
        assertThat(analysis.addressed()).isTrue();
    }

    @Test
    void marksPostsThatDoNotMentionTheBrandAsOverheard() {
        Analysis overheard = analyzer.analyze(aPost("Iemand ervaring met Polderstroom als energieleverancier?", List.of("@Polderstroom"), false, null));
        Analysis otherHandle = analyzer.analyze(aPost("@PolderstroomFan vind ik leuk", List.of("@Polderstroom"), false, null));
        Analysis direct = analyzer.analyze(aPost("Hoi, vraagje over mijn factuur", List.of("@Polderstroom"), true, null));

        assertThat(overheard.addressed()).isFalse();
        assertThat(otherHandle.addressed()).isFalse();
        assertThat(direct.addressed()).isTrue();
    }

    @Test
    void givesInfluencersAndFastGrowingPostsMoreReach() {
        assertThat(Reach.of(null, 0, 0)).isZero();
        assertThat(Reach.of(100L, 0, 60)).isLessThan(Reach.of(100_000L, 0, 60));
        assertThat(Reach.of(1_000L, 500, 60)).isGreaterThan(Reach.of(1_000L, 500, 24 * 60));
        assertThat(Reach.of(10_000_000L, 1_000_000, 1)).isEqualTo(100);
    }

    @Test
    void usesTheLanguageItIsGiven() {
        Analysis analysis = analyzer.analyze(new AnalysisRequest("ok", "en", null, List.of(), false, false, 0, 0));

        assertThat(analysis.language().code()).isEqualTo("en");
        assertThat(analysis.language().confidence()).isEqualTo(1.0);
    }
}
