package org.webcare.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One real mail server (GreenMail, SMTP and IMAP) for the whole test run, started before the application so its ports
 * can be configured. Every address is accepted; tests tell their mails apart by recipient. Mail to
 * {@link #CONSULTS} lands in the mailbox Webcare reads experts' replies from.
 */
public final class TestMailServer {

    public static final String CONSULTS = "consults@example.org";
    public static final String CONSULTS_LOGIN = "consults";
    public static final String CONSULTS_PASSWORD = "consults-secret";

    private static final GreenMail SERVER = start();

    private TestMailServer() {
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    public static int imapPort() {
        return SERVER.getImap().getPort();
    }

    /** The messages received so far for this recipient, oldest first. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> addressedTo(message, recipient)).toList();
    }

    /** Sends a raw RFC 5322 mail through the SMTP server to the recipients in its headers. */
    public static void send(String raw) {
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(port()));
            Session session = Session.getInstance(properties);
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many mails the consult mailbox holds; the newest one's IMAP UID, as nothing is ever deleted from it. */
    public static long consultMailboxSize() {
        try {
            return SERVER.getManagers().getImapHostManager()
                    .getInbox(SERVER.getUserManager().getUser(CONSULTS_LOGIN)).getMessageCount();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a mail, decoded. */
    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part of a mail, decoded. */
    public static String html(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String html = html(multipart.getBodyPart(i));
                    if (html != null) {
                        return html;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] all = message.getAllRecipients();
            return all != null && Arrays.stream(all).anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        server.start();
        server.setUser(CONSULTS, CONSULTS_LOGIN, CONSULTS_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
