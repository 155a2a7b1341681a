package org.webcare.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class QueryParserTests {

    private static boolean matches(String query, String text) {
        return matches(query, text, Map.of(), null);
    }

    private static boolean matches(String query, String text, Map<String, String> fields, Long followers) {
        return QueryParser.parse(query).matches(MatchablePost.of(text, fields, followers));
    }

    @Test
    void matchesTermsCaseAndAccentInsensitively() {
        assertThat(matches("storing", "Weer een STORING in Utrecht")).isTrue();
        assertThat(matches("café", "Lekker bij het CAFE")).isTrue();
        assertThat(matches("cafe", "Lekker bij het café")).isTrue();
        assertThat(matches("storing", "Storingsdienst gebeld")).isFalse();
    }

    @Test
    void readsImplicitAndExplicitAndOrAndNot() {
        assertThat(matches("storing internet", "storing van het internet")).isTrue();
        assertThat(matches("storing internet", "storing van de tv")).isFalse();
        assertThat(matches("storing AND internet", "internet storing")).isTrue();
        assertThat(matches("storing OR uitval", "grote uitval")).isTrue();
        assertThat(matches("storing NOT gepland", "geplande storing vannacht")).isTrue();
        assertThat(matches("storing NOT gepland", "storing, gepland onderhoud")).isFalse();
        assertThat(matches("storing -gepland", "storing, gepland onderhoud")).isFalse();
        assertThat(matches("(storing OR uitval) AND (internet OR tv)", "uitval van de tv")).isTrue();
        assertThat(matches("storing OR uitval AND tv", "storing bij de buren")).isTrue();
    }

    @Test
    void matchesPhrasesAndPhrasesWithSlop() {
        assertThat(matches("\"ligt eruit\"", "het internet ligt eruit")).isTrue();
        assertThat(matches("\"ligt eruit\"", "eruit ligt het")).isFalse();
        assertThat(matches("\"storing internet\"~5", "storing bij ons thuis op het internet")).isTrue();
        assertThat(matches("\"storing internet\"~2", "storing bij ons thuis op het internet")).isFalse();
    }

    @Test
    void matchesWildcards() {
        assertThat(matches("klant*", "De klantenservice is dicht")).isTrue();
        assertThat(matches("klant*", "Mijn klant belde")).isTrue();
        assertThat(matches("wacht?ijd", "de wachttijd is lang")).isTrue();
        assertThat(matches("wacht?ijd", "de wachtijd is lang")).isFalse();
    }

    @Test
    void matchesProximityInAnyOrderOrInOrder() {
        assertThat(matches("storing NEAR/3 internet", "internet heeft uren storing")).isTrue();
        assertThat(matches("storing NEAR/2 internet", "internet heeft al uren een storing")).isFalse();
        assertThat(matches("storing ONEAR/3 internet", "internet heeft al storing")).isFalse();
        assertThat(matches("storing ONEAR/3 internet", "storing op het internet")).isTrue();
    }

    @Test
    void matchesHashtagsMentionsAndEmoji() {
        assertThat(matches("#fail", "Epic #FAIL vandaag")).isTrue();
        assertThat(matches("#fail", "what a fail")).isFalse();
        assertThat(matches("fail", "Epic #fail vandaag")).isTrue();
        assertThat(matches("@polderstroom", "@Polderstroom waar blijft de monteur")).isTrue();
        assertThat(matches("😡", "Weer geen trein 😡")).isTrue();
    }

    @Test
    void matchesExactCaseWhenAsked() {
        assertThat(matches("exact:ING", "Bankieren bij ING")).isTrue();
        assertThat(matches("exact:ING", "ik ging naar huis, ing")).isFalse();
    }

    @Test
    void filtersOnFields() {
        Map<String, String> fields = Map.of("lang", "nl", "author", "@jan", "channel", "twitter", "site", "forum.tweakers.net",
                "sentiment", "negative", "intent", "complaint urgent", "addressed", "true");

        assertThat(matches("storing lang:nl", "storing", fields, 5000L)).isTrue();
        assertThat(matches("storing lang:en", "storing", fields, 5000L)).isFalse();
        assertThat(matches("storing author:jan", "storing", fields, 5000L)).isTrue();
        assertThat(matches("storing site:tweakers.net", "storing", fields, 5000L)).isTrue();
        assertThat(matches("storing channel:twitter sentiment:negative", "storing", fields, 5000L)).isTrue();
        assertThat(matches("storing intent:urgent", "storing", fields, 5000L)).isTrue();
        assertThat(matches("storing intent:lead", "storing", fields, 5000L)).isFalse();
        assertThat(matches("storing followers:>1000", "storing", fields, 5000L)).isTrue();
        assertThat(matches("storing followers:<=1000", "storing", fields, 5000L)).isFalse();
        assertThat(matches("storing addressed:true", "storing", fields, 5000L)).isTrue();
    }

    @Test
    void namesThePositionAndWhatWasExpected() {
        assertThatThrownBy(() -> QueryParser.parse("(storing AND")).hasMessage("at position 10: expected a term after AND");
        assertThatThrownBy(() -> QueryParser.parse("(storing OR uitval")).hasMessageContaining("expected ')' to close the '(' at position 1");
        assertThatThrownBy(() -> QueryParser.parse("storing)")).hasMessage("at position 8: ')' without a matching '('");
        assertThatThrownBy(() -> QueryParser.parse("\"ligt eruit")).hasMessage("at position 1: the phrase starting here has no closing '\"'");
        assertThatThrownBy(() -> QueryParser.parse("kleur:rood")).hasMessageContaining("unknown field 'kleur:'");
        assertThatThrownBy(() -> QueryParser.parse("storing followers:veel")).hasMessageContaining("expected a number like >1000");
        assertThatThrownBy(() -> QueryParser.parse("(storing) NEAR/3 (a OR b)")).hasMessageContaining("needs a single term on its right");
        assertThatThrownBy(() -> QueryParser.parse("   ")).hasMessage("the query is empty");
        assertThatThrownBy(() -> QueryParser.parse("*")).hasMessageContaining("a wildcard needs letters");
    }

    @Test
    void refusesQueriesThatCanNeverMatchAnythingSpecific() {
        assertThatThrownBy(() -> QueryParser.parse("NOT storing")).hasMessageContaining("only NOT terms");
        assertThatThrownBy(() -> QueryParser.parse("-storing -uitval")).hasMessageContaining("only NOT terms");
        assertThatThrownBy(() -> QueryParser.parse("storing OR NOT uitval")).hasMessageContaining("only NOT terms");
    }
}
