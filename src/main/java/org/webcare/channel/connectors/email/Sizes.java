package org.webcare.channel.connectors.email;

import java.util.Locale;

final class Sizes {

    private Sizes() {
    }

    /** 12 MB, 512 KB, 80 bytes. */
    static String human(long bytes) {
        if (bytes >= 1024L * 1024) {
            double megabytes = bytes / (1024.0 * 1024);
            return (megabytes >= 10 ? String.format(Locale.ROOT, "%.0f", megabytes) : String.format(Locale.ROOT, "%.1f", megabytes)) + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }
}
