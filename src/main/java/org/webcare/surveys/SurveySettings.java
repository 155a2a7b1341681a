package org.webcare.surveys;

import java.time.Duration;

/**
 * A brand's survey settings. A brand without stored settings has {@link #defaults}: off, CSAT, by page, one hour
 * after resolution, one survey per customer per 30 days, the built-in questions.
 *
 * @param delay how long after resolution the invitation goes, so a case reopened meanwhile is not surveyed
 * @param customerInterval at most one survey per customer (brand and handle) within this period
 * @param questionNl the Dutch question, or {@code null} for the built-in one
 * @param questionEn the English question, or {@code null} for the built-in one
 */
public record SurveySettings(long brandId, boolean enabled, SurveyKind kind, AskBy askBy, Duration delay,
                             Duration customerInterval, String questionNl, String questionEn) {

    static final int MAX_QUESTION = 500;

    public static SurveySettings defaults(long brandId) {
        return new SurveySettings(brandId, false, SurveyKind.CSAT, AskBy.PAGE, Duration.ofHours(1), Duration.ofDays(30),
                null, null);
    }

    /** The question in this language ({@code nl} or {@code en}): the brand's own or the built-in one. */
    public String question(String language, String brandName) {
        String own = "nl".equals(language) ? questionNl : questionEn;
        String text = own != null ? own : defaultQuestion(kind, language);
        return text.replace("{brand}", brandName);
    }

    /** A duration as people write it: whole days as {@code P30D}, anything else as {@code PT1H30M}. */
    public static String iso(Duration duration) {
        return !duration.isZero() && duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    public static String defaultQuestion(SurveyKind kind, String language) {
        boolean nl = "nl".equals(language);
        return switch (kind) {
            case CSAT -> nl ? "Hoe tevreden ben je over onze hulp?" : "How satisfied are you with our help?";
            case CES -> nl ? "Hoe makkelijk was het om je vraag door ons opgelost te krijgen?"
                    : "How easy was it to get your question solved by us?";
            case NPS -> nl ? "Hoe waarschijnlijk is het dat je {brand} aanbeveelt aan een vriend of collega?"
                    : "How likely are you to recommend {brand} to a friend or colleague?";
        };
    }
}
