package org.webcare.channel.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTextTests {

    @Test
    void dropsQuotedLinesButKeepsAnswersWrittenBetweenThem() {
        assertThat(QuotedText.strip("""
                > Wat is uw klantnummer?
                12345
                > En uw postcode?
                3511 AB
                """)).isEqualTo("12345\n3511 AB");
    }

    @Test
    void cutsAtADutchGmailAttribution() {
        assertThat(QuotedText.strip("""
                Dank je, het is opgelost.

                Op ma 23 nov 2026 om 14:05 schreef Polderstroom <support@polderstroom.test>:
                > Probeer de meterkast.
                """)).isEqualTo("Dank je, het is opgelost.");
    }

    @Test
    void cutsAtAnEnglishOutlookOriginalMessageAndHeaderBlock() {
        assertThat(QuotedText.strip("""
                Still waiting.

                -----Original Message-----
                From: Support <support@polderstroom.test>
                Sent: Monday, November 23, 2026 3:00 PM
                Subject: Your case
                """)).isEqualTo("Still waiting.");
        assertThat(QuotedText.strip("""
                Still waiting.

                From: Support <support@polderstroom.test>
                Sent: Monday, November 23, 2026 3:00 PM
                To: Jan <jan@example.nl>
                Subject: Your case
                """)).isEqualTo("Still waiting.");
    }

    @Test
    void cutsAtDeviceLinesInEnglishAndDutch() {
        assertThat(QuotedText.strip("Yes please.\n\nSent from my iPhone")).isEqualTo("Yes please.");
        assertThat(QuotedText.strip("Graag.\n\nVerstuurd vanaf mijn iPhone")).isEqualTo("Graag.");
        assertThat(QuotedText.strip("Graag.\n\nVerzonden vanaf mijn Samsung Galaxy-smartphone.")).isEqualTo("Graag.");
    }

    @Test
    void keepsTextThatOnlyLooksLikeAQuoteStart() {
        assertThat(QuotedText.strip("On Monday the power was off again.\nFrom: my street, all houses."))
                .isEqualTo("On Monday the power was off again.\nFrom: my street, all houses.");
    }

    @Test
    void keepsTheCustomersOwnWordsThatReadLikeAnAttributionOrADeviceLine() {
        String text = """
                Op maandag schreef ik u al:
                de meter staat op 12345.
                Verzonden met PostNL, nog niet aangekomen.
                On Friday I wrote:
                please call me.""";
        assertThat(QuotedText.strip(text)).isEqualTo(text);
    }

    @Test
    void cutsAnAttributionWithoutAddressWhenQuotedLinesFollow() {
        assertThat(QuotedText.strip("Prima.\n\nOn Mon, 23 Nov 2026, Support wrote:\n\n> Is it fixed?")).isEqualTo("Prima.");
    }

    @Test
    void keepsAMessageThatIsAllQuoteRatherThanLeavingItEmpty() {
        assertThat(QuotedText.strip("> Only a quote")).isEqualTo("> Only a quote");
    }

    @Test
    void cleansAttachmentNames() {
        assertThat(AttachmentStore.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentStore.safeName("..\\..\\boot.ini")).isEqualTo("boot.ini");
        assertThat(AttachmentStore.safeName("..")).isEqualTo("attachment");
        assertThat(AttachmentStore.safeName(".bashrc")).isEqualTo("bashrc");
        assertThat(AttachmentStore.safeName("fac<tuur>:\u0000?.pdf")).isEqualTo("fac_tuur____.pdf");
        assertThat(AttachmentStore.safeName("rapport\u202Efdp.exe")).isEqualTo("rapport_fdp.exe");
        assertThat(AttachmentStore.safeName("a".repeat(300) + ".pdf")).hasSize(AttachmentStore.LONGEST_NAME).endsWith(".pdf");
        assertThat(AttachmentStore.safeName(null)).isEqualTo("attachment");
    }

    @Test
    void putsOneReInFrontOfTheSubject() {
        assertThat(SmtpReplies.replySubject("Storing")).isEqualTo("Re: Storing");
        assertThat(SmtpReplies.replySubject("Re: Storing")).isEqualTo("Re: Storing");
        assertThat(SmtpReplies.replySubject("RE: Antw: Re[2]: Storing")).isEqualTo("Re: Storing");
        assertThat(SmtpReplies.replySubject("Reparatie")).isEqualTo("Re: Reparatie");
        assertThat(SmtpReplies.replySubject(null)).isEqualTo("Re: your message");
    }

    @Test
    void normalisesMessageIds() {
        assertThat(MessageIds.normalise(" <abc@example.nl> ")).isEqualTo("abc@example.nl");
        assertThat(MessageIds.all("<a@x>\r\n <b@x>")).containsExactly("a@x", "b@x");
        assertThat(MessageIds.normalise("bare@x")).isEqualTo("bare@x");
    }
}
