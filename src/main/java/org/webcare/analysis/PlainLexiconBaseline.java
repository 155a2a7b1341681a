package org.webcare.analysis;

/**
 * The baseline analysis is measured against: the sum of the lexicon valences of a post's words, with no rules at
 * all (no negation, boosters, contrast, emphasis or sarcasm), normalised like the real score.
 */
public final class PlainLexiconBaseline implements SentimentAnalyzer {

    private final SentimentLexicon dutch;
    private final SentimentLexicon english;

    private PlainLexiconBaseline(SentimentLexicon dutch, SentimentLexicon english) {
        this.dutch = dutch;
        this.english = english;
    }

    public static PlainLexiconBaseline load() {
        return new PlainLexiconBaseline(SentimentLexicon.dutch(), SentimentLexicon.english());
    }

    @Override
    public Sentiment analyze(String text, String language) {
        SentimentLexicon lexicon = "nl".equals(language) ? dutch : english;
        double sum = 0;
        for (Token token : Tokenizer.tokenize(text)) {
            sum += lexicon.valence(token.text());
        }
        return Sentiment.of(sum / Math.sqrt(sum * sum + 15));
    }
}
