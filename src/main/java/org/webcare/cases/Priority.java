package org.webcare.cases;

import java.util.List;
import java.util.Locale;

/**
 * A case's priority from the ITIL matrix of impact (how many people it touches) and urgency (how soon it must be
 * handled): 1 critical, 2 high, 3 medium, 4 low, 5 planning.
 *
 * <pre>
 *              urgency  high  medium  low
 * impact high             1      2     3
 *        medium           2      3     4
 *        low              3      4     5
 * </pre>
 *
 * @param reasons why, as codes with a value ({@code intent=urgent}, {@code reach=82}, {@code waiting=5} (hours)); the UI
 *                turns them into sentences
 */
public record Priority(Level impact, Level urgency, int value, List<String> reasons) {

    public Priority {
        reasons = List.copyOf(reasons);
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("priority: must be 1 (critical) to 5 (planning), got " + value);
        }
    }

    public static Priority of(Level impact, Level urgency, List<String> reasons) {
        return new Priority(impact, urgency, matrix(impact, urgency), reasons);
    }

    /** The matrix: each step down in impact or urgency lowers priority by one. */
    static int matrix(Level impact, Level urgency) {
        return 1 + impact.ordinal() + urgency.ordinal();
    }

    public String label() {
        return switch (value) {
            case 1 -> "critical";
            case 2 -> "high";
            case 3 -> "medium";
            case 4 -> "low";
            default -> "planning";
        };
    }

    public enum Level {
        HIGH, MEDIUM, LOW;

        /** One step more urgent (waiting long makes anything more urgent). */
        Level raised() {
            return this == LOW ? MEDIUM : HIGH;
        }

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
