package org.webcare.shared;

import java.util.Locale;
import java.util.Optional;

/** Whether a post or reply is visible to everyone on the platform or only to the customer. */
public enum Visibility {
    PUBLIC, PRIVATE;

    /** Parses {@code public}/{@code private} in any case; empty for anything else. */
    public static Optional<Visibility> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "public" -> Optional.of(PUBLIC);
            case "private" -> Optional.of(PRIVATE);
            default -> Optional.empty();
        };
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
