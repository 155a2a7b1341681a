package org.webcare.analysis;

/** Tells a post's language; implementations are thread-safe. */
public interface LanguageDetector {

    DetectedLanguage detect(String text);
}
