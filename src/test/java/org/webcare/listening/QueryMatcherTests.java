package org.webcare.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QueryMatcherTests {

    private static final List<String> POSTS = List.of(
            "@Polderstroom al 2 dagen een storing, geen internet!",
            "De klantenservice van Polderstroom is top, snel geholpen",
            "Wachttijd van 45 minuten bij de klantenservice #fail",
            "Wat kost zonnepanelen bij jullie?",
            "Weer geen trein 😡 NS storing bij Utrecht",
            "Mijn pakket is kwijt, PostNL reageert niet");

    private static Map<String, Query> queries(String... lines) {
        Map<String, Query> queries = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            queries.put("q" + (i + 1), QueryParser.parse(lines[i]));
        }
        return queries;
    }

    @Test
    void findsTheSameMatchesAsEvaluatingEveryQuery() {
        Map<String, Query> queries = queries("storing", "klant* AND NOT top", "\"snel geholpen\"", "zonnepanelen OR laadpaal",
                "storing NEAR/3 internet", "#fail", "😡", "polderstroom -storing", "lang:nl", "wacht?ijd minuten",
                "(storing OR uitval) AND (trein OR internet)", "postnl NOT (pakket OR brief)", "*stroom");
        QueryMatcher matcher = QueryMatcher.of(queries);

        for (String text : POSTS) {
            MatchablePost post = MatchablePost.of(text, Map.of("lang", "nl"), null);
            List<String> everyQuery = new ArrayList<>();
            queries.forEach((id, query) -> {
                if (query.matches(post)) {
                    everyQuery.add(id);
                }
            });
            assertThat(matcher.match(post)).as(text).isEqualTo(everyQuery);
        }
    }

    @Test
    void evaluatesOnlyTheQueriesWhoseTermsThePostContains() {
        Map<String, Query> queries = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            queries.put("brand" + i, QueryParser.parse("merk" + i + " OR \"product " + i + "\""));
        }
        queries.put("storing", QueryParser.parse("storing AND internet"));
        QueryMatcher matcher = QueryMatcher.of(queries);
        MatchablePost post = MatchablePost.of("Storing bij merk7, geen internet", Map.of(), null);

        assertThat(matcher.match(post)).containsExactly("brand7", "storing");
        assertThat(matcher.candidateCount(post)).isEqualTo(2);
    }

    @Test
    void keepsQueriesWithoutAnchorsAsCandidatesForEveryPost() {
        QueryMatcher matcher = QueryMatcher.of(queries("lang:en", "*stroom"));

        assertThat(matcher.match(MatchablePost.of("Hello there", Map.of("lang", "en"), null))).containsExactly("q1");
        assertThat(matcher.match(MatchablePost.of("Polderstroom", Map.of("lang", "nl"), null))).containsExactly("q2");
    }
}
