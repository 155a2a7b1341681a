package org.webcare.surveys;

import java.util.Locale;

/**
 * What a survey asks, with its scale: customer satisfaction (CSAT, 1-5, satisfied is 4-5), customer effort (CES,
 * 1-7, easy is 5-7) and net promoter score (NPS, 0-10: promoters 9-10, passives 7-8, detractors 0-6).
 */
public enum SurveyKind {
    CSAT(1, 5), CES(1, 7), NPS(0, 10);

    private final int min;
    private final int max;

    SurveyKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean inRange(int score) {
        return score >= min && score <= max;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SurveyKind parse(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(field + ": must be one of csat, ces, nps; got '" + value + "'");
        }
    }
}
