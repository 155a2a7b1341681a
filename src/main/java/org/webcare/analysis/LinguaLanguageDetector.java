package org.webcare.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Lingua, restricted to the configured languages: fewer candidates make short posts come out right more often and
 * keep only those models in memory. Mentions, hashtags, URLs and emoji are removed first, since they carry no
 * language (or the wrong one: {@code @NS_online}). Posts that plainly show their language by its function words are
 * settled without Lingua ({@link StopwordLanguageGuess}), which makes detection several times faster.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    public static final List<String> DEFAULT_LANGUAGES = List.of("nl", "en", "de", "fr");
    private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|[@#][\\p{L}\\p{N}_.]+|[^\\p{L}\\s'’-]");
    /** Below this confidence the answer is {@code unknown}. */
    private static final double MINIMUM_CONFIDENCE = 0.35;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final StopwordLanguageGuess quickLook;

    public LinguaLanguageDetector(List<String> languageCodes, boolean lowAccuracy) {
        Language[] languages = languageCodes.stream()
                .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT))))
                .toArray(Language[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages).withPreloadedLanguageModels();
        this.lingua = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
        this.quickLook = new StopwordLanguageGuess(languageCodes);
    }

    @Override
    public DetectedLanguage detect(String text) {
        String letters = NOISE.matcher(text).replaceAll(" ").strip();
        if (letters.codePoints().filter(Character::isLetter).count() < 2) {
            return DetectedLanguage.unknown();
        }
        var obvious = quickLook.guess(letters);
        if (obvious.isPresent()) {
            return obvious.get();
        }
        return askLingua(letters);
    }

    /** Lingua alone, without the quick look at function words (to compare the two). */
    public DetectedLanguage detectWithLinguaOnly(String text) {
        String letters = NOISE.matcher(text).replaceAll(" ").strip();
        if (letters.codePoints().filter(Character::isLetter).count() < 2) {
            return DetectedLanguage.unknown();
        }
        return askLingua(letters);
    }

    private DetectedLanguage askLingua(String letters) {
        Map<Language, Double> confidences = lingua.computeLanguageConfidenceValues(letters);
        if (confidences.isEmpty()) {
            return DetectedLanguage.unknown();
        }
        Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
        if (best.getValue() < MINIMUM_CONFIDENCE) {
            return new DetectedLanguage(DetectedLanguage.UNKNOWN, round(best.getValue()));
        }
        return new DetectedLanguage(best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT), round(best.getValue()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
