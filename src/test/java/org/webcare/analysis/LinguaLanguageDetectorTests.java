package org.webcare.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinguaLanguageDetectorTests {

    private static final LinguaLanguageDetector detector = new LinguaLanguageDetector(LinguaLanguageDetector.DEFAULT_LANGUAGES, false);

    @Test
    void tellsDutchFromEnglishGermanAndFrench() {
        assertThat(detector.detect("Mijn internet ligt er al drie uur uit, wanneer wordt het opgelost?").code()).isEqualTo("nl");
        assertThat(detector.detect("My parcel never arrived and nobody answers the phone").code()).isEqualTo("en");
        assertThat(detector.detect("Mein Paket ist immer noch nicht angekommen").code()).isEqualTo("de");
        assertThat(detector.detect("Mon colis n'est toujours pas arrivé").code()).isEqualTo("fr");
    }

    @Test
    void ignoresHandlesHashtagsAndLinksThatCarryNoLanguage() {
        assertThat(detector.detect("@NS_online_support #fail https://t.co/abc waarom rijdt er weer geen trein").code()).isEqualTo("nl");
    }

    @Test
    void givesConfidenceAndSaysUnknownWhenThereAreNoWords() {
        DetectedLanguage dutch = detector.detect("Bedankt voor de snelle hulp");
        assertThat(dutch.code()).isEqualTo("nl");
        assertThat(dutch.confidence()).isBetween(0.35, 1.0);
        assertThat(detector.detect("😡😡😡 !!!").code()).isEqualTo(DetectedLanguage.UNKNOWN);
        assertThat(detector.detect("@Polderstroom").code()).isEqualTo(DetectedLanguage.UNKNOWN);
    }

    @Test
    void readsAMixedPostAsItsMainLanguage() {
        assertThat(detector.detect("Epic fail weer, de trein van 8 uur is alweer uitgevallen en niemand weet waarom").code()).isEqualTo("nl");
    }
}
