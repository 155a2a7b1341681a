package org.webcare.analysis;

import java.util.List;
import java.util.Set;

import org.webcare.shared.Intent;

/**
 * Analyses posts: language, then sentiment and intents in that language, addressed or overheard, reach.
 * Thread-safe; building one loads the lexicons and language models (about a second), so share it.
 */
public final class PostAnalyzer {

    private final LanguageDetector languages;
    private final SentimentAnalyzer sentiment;
    private final IntentClassifier intents;

    public PostAnalyzer(LanguageDetector languages, SentimentAnalyzer sentiment, IntentClassifier intents) {
        this.languages = languages;
        this.sentiment = sentiment;
        this.intents = intents;
    }

    /** The default analysers for the given languages (ISO 639-1 codes). */
    public static PostAnalyzer create(List<String> languageCodes) {
        RuleSentimentAnalyzer rules = RuleSentimentAnalyzer.load();
        return new PostAnalyzer(new LinguaLanguageDetector(languageCodes, false), ModelSentimentAnalyzer.load(rules),
                RuleIntentClassifier.load());
    }

    public Analysis analyze(AnalysisRequest request) {
        DetectedLanguage language = request.language() != null && !request.language().isBlank()
                ? new DetectedLanguage(request.language().strip().toLowerCase(java.util.Locale.ROOT), 1.0)
                : languages.detect(request.text());
        String readAs = DetectedLanguage.UNKNOWN.equals(language.code()) ? "en" : language.code();
        Sentiment scored = sentiment.analyze(request.text(), readAs);
        Set<Intent> found = intents.classify(request.text(), readAs, scored);
        return new Analysis(language, scored, found, Addressing.addressed(request),
                Reach.of(request.followers(), request.engagement(), request.ageMinutes()));
    }
}
