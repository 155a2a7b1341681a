package org.webcare.analysis;

/** Scores a post's sentiment; implementations are thread-safe. */
public interface SentimentAnalyzer {

    /**
     * @param language ISO 639-1 code of the post's language ({@code nl} or {@code en}; others are read as English)
     */
    Sentiment analyze(String text, String language);
}
