package org.webcare.calendar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening period of a weekday, [start, end) in local wall-clock time within one day, in minutes after midnight;
 * an end of 1440 is {@code 24:00}, so that a period up to midnight and the next day's period from {@code 00:00} meet.
 */
public record OpeningPeriod(int start, int end) {

    static final int MIDNIGHT = 24 * 60;
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2})");

    public OpeningPeriod {
        if (start < 0 || start >= MIDNIGHT || end <= start || end > MIDNIGHT) {
            throw new IllegalArgumentException("period: " + format(start) + "–" + format(end) + " is not a period within one day");
        }
    }

    public boolean overlaps(OpeningPeriod other) {
        return start < other.end && other.start < end;
    }

    /** Minutes after midnight of {@code HH:mm} (00:00 to 24:00), or -1 when it is no such time. */
    static int parseTime(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return -1;
        }
        int hours = Integer.parseInt(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
            return -1;
        }
        return hours * 60 + minutes;
    }

    static String format(int minutes) {
        return "%02d:%02d".formatted(minutes / 60, minutes % 60);
    }

    public String startText() {
        return format(start);
    }

    public String endText() {
        return format(end);
    }

    @Override
    public String toString() {
        return startText() + "–" + endText();
    }
}
