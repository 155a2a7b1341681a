package org.webcare.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) for the whole test run, started before the application so its port can be
 * configured. Every address is accepted; tests tell their mails apart by recipient.
 */
public final class TestMailServer {

    private static final GreenMail SERVER = start();

    private TestMailServer() {
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** The messages received so far for this recipient, oldest first. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> addressedTo(message, recipient)).toList();
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
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
