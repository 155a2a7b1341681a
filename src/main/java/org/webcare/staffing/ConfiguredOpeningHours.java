package org.webcare.staffing;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours from {@code webcare.staffing.opening-hours}, the same for every brand: {@code always}, or a list such
 * as {@code MON-FRI 08-22, SAT 10-18, SUN 12-17} (from the first hour up to, not including, the last; {@code 00-24}
 * is the whole day).
 */
final class ConfiguredOpeningHours implements OpeningHours {

    private static final Pattern PART = Pattern.compile("([A-Z]{3})(?:-([A-Z]{3}))?\\s+(\\d{1,2})-(\\d{1,2})");

    /** Open or not, by day (Monday 0) and hour. */
    private final boolean[][] open;

    private ConfiguredOpeningHours(boolean[][] open) {
        this.open = open;
    }

    static ConfiguredOpeningHours parse(String text) {
        boolean[][] open = new boolean[7][24];
        String spec = text == null ? "always" : text.strip().toUpperCase(Locale.ROOT);
        if (spec.equals("ALWAYS")) {
            for (boolean[] day : open) {
                java.util.Arrays.fill(day, true);
            }
            return new ConfiguredOpeningHours(open);
        }
        for (String part : spec.split(",")) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("webcare.staffing.opening-hours: '" + part.strip()
                        + "' is not like 'MON-FRI 08-22' (or say 'always')");
            }
            int first = day(m.group(1)).ordinal();
            int last = m.group(2) == null ? first : day(m.group(2)).ordinal();
            int from = Integer.parseInt(m.group(3));
            int to = Integer.parseInt(m.group(4));
            if (from > 23 || to > 24 || to <= from) {
                throw new IllegalArgumentException("webcare.staffing.opening-hours: '" + part.strip()
                        + "' needs hours from 00 to 24, the first before the last");
            }
            // MON-SUN wraps nowhere; FRI-MON would wrap over the weekend, which is read as Friday through Monday.
            for (int d = first; ; d = (d + 1) % 7) {
                for (int h = from; h < to; h++) {
                    open[d][h] = true;
                }
                if (d == last) {
                    break;
                }
            }
        }
        return new ConfiguredOpeningHours(open);
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException("webcare.staffing.opening-hours: '" + abbreviation + "' is not a day (MON … SUN)");
    }

    @Override
    public boolean isOpen(long brandId, DayOfWeek day, int hour) {
        return open[day.ordinal()][hour];
    }
}
