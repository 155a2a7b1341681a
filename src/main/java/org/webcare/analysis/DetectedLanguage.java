package org.webcare.analysis;

/**
 * A post's language.
 *
 * @param code ISO 639-1 code, or {@value #UNKNOWN}
 * @param confidence from 0 to 1
 */
public record DetectedLanguage(String code, double confidence) {

    public static final String UNKNOWN = "unknown";

    public static DetectedLanguage unknown() {
        return new DetectedLanguage(UNKNOWN, 0);
    }
}
