package org.webcare.surveys;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Which surveys a report counts: those sent from {@code from} to {@code to} (whole days, inclusive, in Webcare's time
 * zone), optionally of one brand, channel, team or agent, grouped by {@code by}.
 */
public record SurveyQuery(Long brandId, Long channelId, String team, Long agentId, LocalDate from, LocalDate to,
                          SurveyGrouping by) {

    static final int LONGEST_DAYS = 366 * 3;

    public SurveyQuery {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from: " + from + " is after to " + to);
        }
        if (from.plusDays(LONGEST_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("to: a report covers at most " + LONGEST_DAYS + " days");
        }
    }

    /**
     * From request parameters as given (strings); the period defaults to the 30 days up to {@code today}.
     *
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public static SurveyQuery parse(String brand, String channel, String team, String agent, String from, String to,
                                    String by, LocalDate today) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(29));
        return new SurveyQuery(id("brand", brand), id("channel", channel), team == null || team.isBlank() ? null : team.strip(),
                id("agent", agent), start, end, SurveyGrouping.parse(by));
    }

    private static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a number (an id); got '" + value.strip() + "'");
        }
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": must be a date such as 2026-11-24; got '" + value.strip() + "'");
        }
    }
}
