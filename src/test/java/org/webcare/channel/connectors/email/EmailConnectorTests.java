package org.webcare.channel.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.InvalidSettingsException;
import org.webcare.channel.OutgoingReply;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReceivedPost;
import org.webcare.channel.ReplyTarget;
import org.webcare.shared.Visibility;

class EmailConnectorTests {

    private final TestMailbox mailbox = new TestMailbox();

    @TempDir
    Path attachments;

    @AfterEach
    void stopServer() {
        mailbox.close();
    }

    private ChannelConnector.Connection open(Map<String, String> changes) {
        EmailConnector connector = new EmailConnector(target -> { }, attachments);
        Map<String, String> settings = new HashMap<>(mailbox.settings());
        settings.putAll(changes);
        return connector.open(ConnectorSettings.check(connector.settings(), settings));
    }

    private ImapSource source() {
        return (ImapSource) open(Map.of()).source().orElseThrow();
    }

    private ReplyTarget replies() {
        return open(Map.of()).replies().orElseThrow();
    }

    private List<ReceivedPost> pollAll() throws ConnectorException {
        return source().poll(null).posts();
    }

    private ReceivedPost only(String fixture) throws ConnectorException {
        mailbox.deliverFixture(fixture);
        List<ReceivedPost> posts = pollAll();
        assertThat(posts).hasSize(1);
        return posts.getFirst();
    }

    @Test
    void readsAMailAsAPrivatePostToTheBrandInItsThread() throws Exception {
        ReceivedPost post = only("gmail-english.eml");

        assertThat(post.externalId()).isEqualTo("CAGmail123@mail.gmail.com");
        assertThat(post.authorHandle()).isEqualTo("jan@example.nl");
        assertThat(post.authorName()).isEqualTo("Jan Jansen");
        assertThat(post.title()).isEqualTo("Re: Power cut in Utrecht");
        assertThat(post.inReplyTo()).isEqualTo("webcare.abc@polderstroom.test");
        assertThat(post.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(post.toBrand()).isTrue();
        assertThat(post.createdAt()).isEqualTo("2026-11-23T15:05:00Z");
    }

    @Test
    void stripsAGmailQuoteWrappedOverTwoLines() throws Exception {
        assertThat(only("gmail-english.eml").text())
                .isEqualTo("Thanks, but the power is still off at my address.\nCan you send someone?");
    }

    @Test
    void stripsAnOutlookHeaderBlockAndItsDeviceLineInDutch() throws Exception {
        assertThat(only("outlook-dutch.eml").text()).isEqualTo("""
                Goedemiddag,

                Het bedrag op mijn factuur klopt nog steeds niet.

                Met vriendelijke groet,
                Petra""");
    }

    @Test
    void stripsAnAppleMailQuoteAndVerstuurdVanafMijnIPhone() throws Exception {
        assertThat(only("apple-dutch.eml").text()).isEqualTo("Het werkt weer, dank jullie wel!");
    }

    @Test
    void stripsTheSignatureAfterItsDelimiter() throws Exception {
        assertThat(only("signature-dash.eml").text()).isEqualTo("Ik wil mijn contract per 1 januari opzeggen.");
    }

    @Test
    void turnsAnHtmlOnlyMailIntoTextWithoutTheQuote() throws Exception {
        assertThat(only("html-only.eml").text()).isEqualTo("""
                Hallo,

                Mijn meterstand is 12345.
                Klopt dat & wat nu?

                - gas
                - stroom""");
    }

    @Test
    void skipsAutoRepliesAndBouncesButMovesItsCursorPastThem() throws Exception {
        mailbox.deliverFixture("out-of-office.eml");
        mailbox.deliverFixture("vacation-subject-only.eml");
        mailbox.deliverFixture("bounce.eml");
        String question = mailbox.aQuestion("Storing", "Mijn stroom is weg");
        ImapSource source = source();

        PostSource.Poll poll = source.poll(null);

        assertThat(poll.posts()).extracting(ReceivedPost::externalId).containsExactly(question);
        assertThat(source.skipped()).isEqualTo(3);
        assertThat(poll.cursor()).endsWith(":4");
        assertThat(source.poll(poll.cursor()).posts()).isEmpty();
    }

    @Test
    void keepsAttachmentsUnderASafeNameAndRefusesOnesOverTheLimit() throws Exception {
        byte[] photo = new byte[3000];
        String raw = new String(TestMailbox.class.getResourceAsStream("/fixtures/email/with-attachments.eml").readAllBytes(),
                StandardCharsets.UTF_8).replace("LARGE_ATTACHMENT", Base64.getMimeEncoder().encodeToString(photo));
        mailbox.deliver(raw);

        ReceivedPost post = open(Map.of("maxAttachmentSize", "2KB")).source().orElseThrow().poll(null).posts().getFirst();

        assertThat(post.text()).isEqualTo("""
                Hierbij de foto en mijn factuur.

                [attachment: factuur.pdf]
                [attachment meter.jpg (2.9 KB) not kept: over the limit of 2 KB]""");
        try (var files = Files.walk(attachments)) {
            List<Path> kept = files.filter(Files::isRegularFile).toList();
            assertThat(kept).hasSize(1);
            Path pdf = kept.getFirst();
            assertThat(pdf.getFileName().toString()).isEqualTo("factuur.pdf");
            assertThat(pdf.startsWith(attachments.resolve(TestMailbox.ADDRESS))).isTrue();
            assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
        }
    }

    @Test
    void anAttachmentThatCannotBeWrittenFailsThePollForAnotherTry() throws Exception {
        Path notADirectory = Files.writeString(attachments.resolve("taken"), "a file where a directory should be");
        mailbox.deliver(new String(TestMailbox.class.getResourceAsStream("/fixtures/email/with-attachments.eml").readAllBytes(),
                StandardCharsets.UTF_8).replace("LARGE_ATTACHMENT", "AAAA"));
        EmailConnector connector = new EmailConnector(target -> { }, notADirectory);
        PostSource source = connector.open(ConnectorSettings.check(connector.settings(), mailbox.settings())).source().orElseThrow();

        assertThatThrownBy(() -> source.poll(null)).isInstanceOf(ConnectorException.Transient.class)
                .hasMessageContaining("cannot write attachments");
    }

    @Test
    void resumesAcrossConnectionsAndStartsOverWhenTheFolderWasRenumbered() throws Exception {
        String first = mailbox.aQuestion("Eén", "eerste");
        PostSource.Poll before = source().poll(null);
        String second = mailbox.aQuestion("Twee", "tweede");

        assertThat(source().poll(before.cursor()).posts()).extracting(ReceivedPost::externalId).containsExactly(second);
        long validity = Long.parseLong(before.cursor().split(":")[0]);
        assertThat(source().poll((validity + 1) + ":99").posts()).extracting(ReceivedPost::externalId)
                .containsExactly(first, second);
        assertThat(source().poll("not a cursor").posts()).hasSize(2);
    }

    @Test
    void readsABigMailboxInPages() throws Exception {
        for (int i = 0; i < ImapSource.PAGE + 3; i++) {
            mailbox.aQuestion("Vraag " + i, "Vraag nummer " + i);
        }
        ImapSource source = source();

        PostSource.Poll first = source.poll(null);
        PostSource.Poll second = source.poll(first.cursor());

        assertThat(first.posts()).hasSize(ImapSource.PAGE);
        assertThat(first.more()).isTrue();
        assertThat(second.posts()).hasSize(3);
        assertThat(second.more()).isFalse();
    }

    @Test
    void repliesInTheCustomersThreadWithAnIdFromTheIdempotencyKey() throws Exception {
        String question = MessageIds.normalise("<" + java.util.UUID.randomUUID() + "@example.nl>");
        mailbox.deliver("""
                Message-ID: <%s>
                References: <earlier@example.nl> <webcare.first@polderstroom.test>
                In-Reply-To: <webcare.first@polderstroom.test>
                From: Kees Klant <%s>
                To: %s
                Subject: Re: Storing
                Content-Type: text/plain

                Nog steeds geen stroom.
                """.formatted(question, TestMailbox.CUSTOMER, TestMailbox.ADDRESS));
        ReplyTarget replies = replies();
        OutgoingReply reply = new OutgoingReply("8d0c-key", question, TestMailbox.CUSTOMER, Visibility.PRIVATE,
                "Er is een monteur onderweg.", "Anne de Wit", "Re: RE: Storing");

        replies.send(reply);
        replies.send(reply);

        List<MimeMessage> received = mailbox.receivedBy(TestMailbox.CUSTOMER);
        assertThat(received).hasSize(2);
        MimeMessage sent = received.getFirst();
        assertThat(sent.getSubject()).isEqualTo("Re: Storing");
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<" + question + ">");
        assertThat(sent.getHeader("References", null))
                .isEqualTo("<earlier@example.nl> <webcare.first@polderstroom.test> <" + question + ">");
        assertThat(sent.getMessageID()).matches("<webcare\\.[0-9a-f]{32}@polderstroom\\.test>")
                .as("a repeated send is the same message").isEqualTo(received.get(1).getMessageID());
        InternetAddress from = (InternetAddress) sent.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(TestMailbox.ADDRESS);
        assertThat(from.getPersonal()).isEqualTo("Anne de Wit");
        assertThat(sent.getContent().toString().strip()).isEqualTo("Er is een monteur onderweg.");
        assertThat(replies.supportsPublic()).isFalse();
        assertThat(replies.supportsPrivate()).isTrue();
    }

    @Test
    void aRefusedLoginIsPermanentAndAnUnreachableServerTransientWhenReplying() {
        mailbox.changePassword("changed");
        OutgoingReply reply = new OutgoingReply("k", null, TestMailbox.CUSTOMER, Visibility.PRIVATE, "Hallo", "Anne", "Vraag");
        ReplyTarget replies = replies();

        assertThatThrownBy(() -> replies.send(reply)).isInstanceOf(ConnectorException.Permanent.class);
        mailbox.stop();
        assertThatThrownBy(() -> replies.send(reply)).isInstanceOf(ConnectorException.Transient.class);
    }

    @Test
    void aReplyToSomeoneWithoutAnAddressIsRefusedForGood() {
        OutgoingReply reply = new OutgoingReply("k", "unknown@example.nl", "@klant", Visibility.PRIVATE, "Hallo", "Anne", "Vraag");

        assertThatThrownBy(() -> replies().send(reply)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("no e-mail address");
    }

    @Test
    void asksTheGuardBeforeConnecting() {
        EmailConnector connector = new EmailConnector(target -> {
            throw new ConnectorException.Permanent(target.getHost() + " is a private address");
        }, attachments);
        ChannelConnector.Connection connection = connector.open(ConnectorSettings.check(connector.settings(), mailbox.settings()));

        assertThatThrownBy(() -> connection.source().orElseThrow().poll(null))
                .isInstanceOf(ConnectorException.Permanent.class).hasMessageContaining("127.0.0.1 is a private address");
    }

    @Test
    void refusesWrongSettingsNamingThem() {
        assertThatThrownBy(() -> open(Map.of("imapPort", "70000"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("settings.imapPort:");
        assertThatThrownBy(() -> open(Map.of("smtpSecurity", "tls1.3"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("settings.smtpSecurity:");
        assertThatThrownBy(() -> open(Map.of("imapHost", "imaps://mail.example.org"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("settings.imapHost:");
        assertThatThrownBy(() -> open(Map.of("maxAttachmentSize", "lots"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("settings.maxAttachmentSize:");
        assertThatThrownBy(() -> open(Map.of("interval", "1s"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("settings.interval:");
    }
}
