package org.webcare.channel.connectors.email;

import java.util.Properties;

import jakarta.mail.Session;

/** Jakarta Mail sessions for one mailbox, with time-outs so a silent server cannot hold a poller or the outbox. */
final class MailSessions {

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int READ_TIMEOUT_MILLIS = 30_000;

    private MailSessions() {
    }

    static String imapProtocol(MailSettings settings) {
        return settings.imapSecurity() == Security.SSL ? "imaps" : "imap";
    }

    static String smtpProtocol(MailSettings settings) {
        return settings.smtpSecurity() == Security.SSL ? "smtps" : "smtp";
    }

    static Session imap(MailSettings settings) {
        String protocol = imapProtocol(settings);
        Properties properties = common(protocol, settings.imapSecurity());
        // Reading never sets \Seen: the mailbox stays as the team's mail client shows it.
        properties.put("mail." + protocol + ".peek", "true");
        return Session.getInstance(properties);
    }

    static Session smtp(MailSettings settings) {
        String protocol = smtpProtocol(settings);
        Properties properties = common(protocol, settings.smtpSecurity());
        properties.put("mail." + protocol + ".auth", "true");
        properties.put("mail." + protocol + ".from", settings.address());
        return Session.getInstance(properties);
    }

    private static Properties common(String protocol, Security security) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MILLIS));
        properties.put(prefix + "timeout", Integer.toString(READ_TIMEOUT_MILLIS));
        properties.put(prefix + "writetimeout", Integer.toString(READ_TIMEOUT_MILLIS));
        switch (security) {
            case SSL -> properties.put(prefix + "ssl.checkserveridentity", "true");
            case STARTTLS -> {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "starttls.required", "true");
                properties.put(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        return properties;
    }
}
