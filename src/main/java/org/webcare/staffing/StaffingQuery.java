package org.webcare.staffing;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a team lead asks the advice for.
 *
 * @param weeks how many complete weeks back (1–52)
 * @param serviceLevel the share to answer within {@code answerWithin}, between 0 and 1
 * @param answerWithin the target answer time
 */
public record StaffingQuery(int weeks, double serviceLevel, Duration answerWithin) {

    public StaffingQuery {
        if (weeks < 1 || weeks > StaffingSettings.MAX_WEEKS) {
            throw new IllegalArgumentException("weeks: must be 1 to " + StaffingSettings.MAX_WEEKS + ", got " + weeks);
        }
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("serviceLevel: must be between 0 and 1 (or 1 to 99 per cent), got " + serviceLevel);
        }
        if (answerWithin == null || answerWithin.isNegative() || answerWithin.isZero() || answerWithin.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("answerWithin: must be positive and at most 7 days, got " + answerWithin);
        }
    }

    /**
     * A query from request parameters, each falling back to the settings when absent: {@code serviceLevel} as a
     * fraction ({@code 0.8}) or a percentage ({@code 80}); {@code answerWithin} as minutes ({@code 15}) or an ISO
     * duration ({@code PT15M}, {@code PT4H}).
     */
    public static StaffingQuery of(String weeks, String serviceLevel, String answerWithin, StaffingSettings defaults) {
        int w = blank(weeks) ? defaults.weeks() : integer("weeks", weeks);
        double level = defaults.serviceLevel();
        if (!blank(serviceLevel)) {
            level = decimal("serviceLevel", serviceLevel);
            if (level >= 1 && level < 100) {
                level = level / 100;
            }
        }
        Duration within = defaults.answerWithin();
        if (!blank(answerWithin)) {
            String text = answerWithin.strip();
            try {
                within = text.chars().allMatch(Character::isDigit)
                        ? Duration.ofMinutes(integer("answerWithin", text))
                        : Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("answerWithin: give minutes (15) or an ISO duration (PT15M), got '"
                        + abbreviate(text) + "'");
            }
        }
        return new StaffingQuery(w, level, within);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int integer(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a whole number: '" + abbreviate(text) + "'");
        }
    }

    private static double decimal(String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a number: '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        String stripped = text.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }
}
