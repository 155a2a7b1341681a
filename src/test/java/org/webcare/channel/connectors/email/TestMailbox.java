package org.webcare.channel.connectors.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A support mailbox on a real GreenMail server (IMAP and SMTP, plain, on free ports of 127.0.0.1) that can be stopped
 * and started again on the same ports, with a password that can be changed to make logins fail.
 */
final class TestMailbox implements AutoCloseable {

    static final String ADDRESS = "support@polderstroom.test";
    static final String LOGIN = "support";
    static final String PASSWORD = "secret";
    static final String CUSTOMER = "klant@example.nl";

    private static final Session PARSING = Session.getInstance(new Properties());

    private final int imapPort = freePort();
    private final int smtpPort = freePort();
    private GreenMail server;

    TestMailbox() {
        start(PASSWORD);
    }

    void start(String password) {
        server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        server.setUser(ADDRESS, LOGIN, password);
    }

    void stop() {
        server.stop();
    }

    void changePassword(String password) {
        server.getUserManager().getUser(LOGIN).setPassword(password);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Settings that reach this mailbox. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("address", ADDRESS);
        settings.put("imapHost", "127.0.0.1");
        settings.put("imapPort", Integer.toString(imapPort));
        settings.put("imapSecurity", "none");
        settings.put("username", LOGIN);
        settings.put("password", PASSWORD);
        settings.put("smtpHost", "127.0.0.1");
        settings.put("smtpPort", Integer.toString(smtpPort));
        settings.put("smtpSecurity", "none");
        return settings;
    }

    /** Puts a raw RFC 5322 mail into the support mailbox's INBOX. */
    void deliver(String raw) {
        try {
            MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            server.getUserManager().getUser(LOGIN).deliver(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers a mail from {@code src/test/resources/fixtures/email/}. */
    void deliverFixture(String name) {
        try (InputStream in = TestMailbox.class.getResourceAsStream("/fixtures/email/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            deliver(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain question from the customer; returns its Message-ID (without brackets). */
    String aQuestion(String subject, String text) {
        String id = UUID.randomUUID() + "@example.nl";
        deliver("""
                Message-ID: <%s>
                Date: Mon, 23 Nov 2026 16:05:00 +0100
                From: Kees Klant <%s>
                To: %s
                Subject: %s
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(id, CUSTOMER, ADDRESS, subject, text));
        return id;
    }

    /** What the server received over SMTP for this recipient, oldest first. */
    List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                return message.getRecipients(Message.RecipientType.TO) != null
                        && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
