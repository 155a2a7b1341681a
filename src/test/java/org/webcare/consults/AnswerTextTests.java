package org.webcare.consults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class AnswerTextTests {

    @Test
    void cutsAGmailQuoteWrappedOverTwoLines() {
        assertThat(AnswerText.strip("""
                Ja, de storing is sinds 15:00 opgelost.
                > niet mijn woorden

                On Tue, 24 Nov 2026 at 14:05, Webcare <consults@example.org>
                wrote:
                > Anne de Vries heeft een vraag
                """)).isEqualTo("Ja, de storing is sinds 15:00 opgelost.");
    }

    @Test
    void cutsTheSignatureAndDeviceLines() {
        assertThat(AnswerText.strip("Klopt.\n-- \nPiet Monteur")).isEqualTo("Klopt.");
        assertThat(AnswerText.strip("Klopt.\n\nVerstuurd vanaf mijn iPhone")).isEqualTo("Klopt.");
    }

    @Test
    void cutsADutchOutlookHeaderBlock() {
        assertThat(AnswerText.strip("""
                Klopt, de factuur wordt gecrediteerd.

                Van: Webcare <consults@example.org>
                Verzonden: dinsdag 24 november 2026 14:05
                Aan: Piet <piet@example.org>
                Onderwerp: Vraag over zaak #12
                """)).isEqualTo("Klopt, de factuur wordt gecrediteerd.");
    }

    @Test
    void keepsTheExpertsOwnWordsThatOnlyLookLikeAnAttribution() {
        assertThat(AnswerText.strip("Op maandag schreef ik al:\nde monteur komt woensdag."))
                .isEqualTo("Op maandag schreef ik al:\nde monteur komt woensdag.");
    }

    @Test
    void readsAnHtmlOnlyReplyWithoutItsQuote() throws Exception {
        MimeMessage reply = parse("""
                From: piet@example.org
                Subject: Re: Vraag
                Content-Type: text/html; charset=UTF-8

                <div>Ja &amp; nee:<br>eerst de meter.</div><div class="gmail_quote">On ... wrote:<blockquote>oud</blockquote></div>
                """);
        assertThat(AnswerText.of(reply)).isEqualTo("Ja & nee:\neerst de meter.");
    }

    @Test
    void recognisesAnOutOfOfficeReply() throws Exception {
        MimeMessage reply = parse("""
                From: piet@example.org
                Subject: Afwezig: Vraag over zaak #12
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=UTF-8

                Ik ben tot maandag afwezig.
                """);
        assertThat(AnswerText.automatic(reply)).hasValue("Auto-Submitted: auto-replied");
        assertThat(AnswerText.automatic(parse("""
                From: piet@example.org
                Subject: Re: Vraag over zaak #12
                Content-Type: text/plain; charset=UTF-8

                Ja.
                """))).isEmpty();
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
