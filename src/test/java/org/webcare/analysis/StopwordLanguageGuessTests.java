package org.webcare.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopwordLanguageGuessTests {

    private final StopwordLanguageGuess guess = new StopwordLanguageGuess(LinguaLanguageDetector.DEFAULT_LANGUAGES);

    @Test
    void settlesPostsThatShowTheirLanguageByFunctionWords() {
        assertThat(guess.guess("Ik heb al twee weken geen internet en niemand van jullie belt terug"))
                .hasValueSatisfying(language -> assertThat(language.code()).isEqualTo("nl"));
        assertThat(guess.guess("I have been waiting for my refund for two weeks and nobody answers the phone"))
                .hasValueSatisfying(language -> assertThat(language.code()).isEqualTo("en"));
        assertThat(guess.guess("Ich habe immer noch kein Paket und niemand hilft mir, danke für nichts"))
                .hasValueSatisfying(language -> assertThat(language.code()).isEqualTo("de"));
    }

    @Test
    void leavesShortAndMixedPostsToLingua() {
        assertThat(guess.guess("Top service!")).isEmpty();
        assertThat(guess.guess("Thanks voor de snelle hulp, echt the best")).isEmpty();
    }

    @Test
    void knowsOnlyTheConfiguredLanguages() {
        StopwordLanguageGuess englishOnly = new StopwordLanguageGuess(java.util.List.of("en"));

        assertThat(englishOnly.guess("Ik heb al twee weken geen internet en niemand van jullie belt terug")).isEmpty();
    }
}
