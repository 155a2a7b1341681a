package org.webcare.surveys;

import java.util.Locale;

/** What the report's rows are: brands, channels, teams, agents, or days or weeks of the period. */
public enum SurveyGrouping {
    BRAND, CHANNEL, TEAM, AGENT, DAY, WEEK;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SurveyGrouping parse(String value) {
        if (value == null || value.isBlank()) {
            return BRAND;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("by: must be one of brand, channel, team, agent, day, week; got '" + value.strip() + "'");
        }
    }
}
