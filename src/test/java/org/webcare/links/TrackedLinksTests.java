package org.webcare.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackedLinksTests {

    @Test
    void findsLinksInRunningTextWithoutTheSentenceAroundThem() {
        assertThat(TrackedLinks.linksIn("Kijk op https://example.nl/storing. Of (zie https://example.nl/faq?q=1&x=2), "
                + "of https://nl.wikipedia.org/wiki/Stroom_(natuurkunde)!"))
                .containsExactly("https://example.nl/storing", "https://example.nl/faq?q=1&x=2",
                        "https://nl.wikipedia.org/wiki/Stroom_(natuurkunde)");
    }

    @Test
    void findsNoLinkInTextWithoutOne() {
        assertThat(TrackedLinks.linksIn("Bel ons op 020-1234567 of mail naar info@example.nl")).isEmpty();
        assertThat(TrackedLinks.linksIn("<a href=\"javascript:alert(1)\">x</a> ftp://example.nl/file")).isEmpty();
    }

    @Test
    void quotesAndAngleBracketsEndALink() {
        assertThat(TrackedLinks.linksIn("<https://example.nl/a>\"https://example.nl/b\"")).containsExactly(
                "https://example.nl/a", "https://example.nl/b");
    }

    @Test
    void tellsPlatformPreviewsFromPeople() {
        assertThat(LinkPreviews.isPreview("Twitterbot/1.0")).isTrue();
        assertThat(LinkPreviews.isPreview("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")).isTrue();
        assertThat(LinkPreviews.isPreview("WhatsApp/2.23.20.0")).isTrue();
        assertThat(LinkPreviews.isPreview(null)).isTrue();
        assertThat(LinkPreviews.isPreview("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).isFalse();
    }
}
