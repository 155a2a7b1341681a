package org.webcare.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How KPI figures are written for people (pages, mails) and for spreadsheets (CSV): minutes with one decimal rounded
 * half up, shares as whole per cents for people and as fractions for spreadsheets. A missing figure is a dash, never 0,
 * because "no first responses" is not "answered in 0 minutes".
 */
public final class KpiFormat {

    public static final String NONE = "–";

    private KpiFormat() {
    }

    /** Minutes with one decimal in the reader's notation ({@code 12.5} or {@code 12,5}), or a dash. */
    public static String minutes(Double minutes, Locale locale) {
        if (minutes == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format.format(roundedMinutes(minutes));
    }

    /** A share 0..1 as a whole per cent ({@code 67%}), or a dash. */
    public static String percent(Double share) {
        return share == null ? NONE : BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Minutes for a spreadsheet: one decimal, a point, empty when missing. */
    public static String csvMinutes(Double minutes) {
        return minutes == null ? "" : BigDecimal.valueOf(roundedMinutes(minutes)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A share for a spreadsheet: a fraction with four decimals, empty when missing. */
    public static String csvShare(Double share) {
        return share == null ? "" : BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Rounded to one decimal, half up, as the report contract prints minutes. */
    public static double roundedMinutes(double minutes) {
        return BigDecimal.valueOf(minutes).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
