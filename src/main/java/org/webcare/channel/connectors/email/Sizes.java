package org.webcare.channel.connectors.email;

import java.util.Locale;

final class Sizes {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    private Sizes() {
    }

    /** 12 MB, 2.9 KB, 2 KB, 80 bytes: one decimal below ten units, none when it is zero. */
    static String human(long bytes) {
        if (bytes >= MB) {
            return units(bytes / (double) MB) + " MB";
        }
        if (bytes >= KB) {
            return units(bytes / (double) KB) + " KB";
        }
        return bytes + " bytes";
    }

    private static String units(double value) {
        String text = value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
