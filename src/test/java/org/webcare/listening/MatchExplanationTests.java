package org.webcare.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MatchExplanationTests {

    /** The text with the hits in brackets, as a reader would see the highlights. */
    private static String highlighted(String query, String text, Map<String, String> fields, Long followers) {
        MatchExplanation explanation = MatchExplanation.of(QueryParser.parse(query), MatchablePost.of(text, fields, followers));
        assertThat(explanation).as("'%s' should match '%s'", query, text).isNotNull();
        return explanation.segments().stream().map(s -> s.hit() ? "[" + s.text() + "]" : s.text()).collect(Collectors.joining());
    }

    private static String highlighted(String query, String text) {
        return highlighted(query, text, Map.of(), null);
    }

    @Test
    void marksEveryOccurrenceOfAMatchedTermWithoutChangingTheText() {
        assertThat(highlighted("storing", "Storing! Weer een STORING bij Polderstroom."))
                .isEqualTo("[Storing]! Weer een [STORING] bij Polderstroom.");
    }

    @Test
    void marksOnlyTheBranchesOfAnOrThatHold() {
        assertThat(highlighted("(storing OR uitval) AND internet", "Geen internet door een storing"))
                .isEqualTo("Geen [internet] door een [storing]");
    }

    @Test
    void marksPhrasesAndProximityOnlyWhereTheyOccurTogether() {
        assertThat(highlighted("\"storing internet\"~2", "internet is traag, storing bij het internet sinds gisteren"))
                .isEqualTo("internet is traag, [storing] bij het [internet] sinds gisteren");
        assertThat(highlighted("wachttijd NEAR/3 lang", "De wachttijd is echt lang, lang, lang"))
                .isEqualTo("De [wachttijd] is echt [lang], lang, lang");
    }

    @Test
    void marksWildcardsHashtagsAccentsAndEmoji() {
        assertThat(highlighted("klant* AND cafe", "Klantenservice in het Café 😡 #klantvriendelijk"))
                .isEqualTo("[Klantenservice] in het [Café] 😡 [#klantvriendelijk]");
        assertThat(highlighted("😡 OR #fail", "Weer niks 😡 #fail"))
                .isEqualTo("Weer niks [😡] [#fail]");
    }

    @Test
    void showsNothingOfANegationAndListsTheFieldConditionsMet() {
        MatchExplanation explanation = MatchExplanation.of(QueryParser.parse("storing -gepland lang:nl followers:>1000"),
                MatchablePost.of("Storing in Utrecht", Map.of("lang", "nl"), 25_300L));

        assertThat(explanation.segments()).extracting(MatchExplanation.Segment::text).containsExactly("Storing", " in Utrecht");
        assertThat(explanation.conditions()).containsExactly("lang:nl", "followers:>1000 (25300)");
    }

    @Test
    void explainsNothingWhenThePostDoesNotMatch() {
        assertThat(MatchExplanation.of(QueryParser.parse("storing AND NOT gepland"),
                MatchablePost.of("Geplande storing vannacht", Map.of(), null))).isNotNull();
        assertThat(MatchExplanation.of(QueryParser.parse("storing AND NOT geplande"),
                MatchablePost.of("Geplande storing vannacht", Map.of(), null))).isNull();
    }
}
