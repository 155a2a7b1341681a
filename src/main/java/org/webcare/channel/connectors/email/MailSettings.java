package org.webcare.channel.connectors.email;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.util.unit.DataSize;
import org.webcare.channel.ConnectorSetting;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.InvalidSettingsException;

import static org.webcare.channel.ConnectorSetting.Kind.DURATION;
import static org.webcare.channel.ConnectorSetting.Kind.EMAIL;
import static org.webcare.channel.ConnectorSetting.Kind.INTEGER;
import static org.webcare.channel.ConnectorSetting.Kind.SECRET;
import static org.webcare.channel.ConnectorSetting.Kind.TEXT;

/** One mailbox's settings, checked and typed. */
record MailSettings(String address, String imapHost, int imapPort, Security imapSecurity, String username,
                    String password, String folder, String smtpHost, int smtpPort, Security smtpSecurity,
                    long maxAttachmentBytes, Duration interval) {

    static final List<ConnectorSetting> SPECS = List.of(
            ConnectorSetting.required("address", EMAIL, "the support address customers write to; replies come from it"),
            ConnectorSetting.required("imapHost", TEXT, "IMAP server that holds the mailbox, e.g. imap.example.org"),
            ConnectorSetting.optional("imapPort", INTEGER, "IMAP port", "993"),
            ConnectorSetting.optional("imapSecurity", TEXT, "ssl, starttls or none", "ssl"),
            ConnectorSetting.optional("username", TEXT, "login for IMAP and SMTP; the address when left empty", null),
            ConnectorSetting.required("password", SECRET, "password (or app password) for IMAP and SMTP"),
            ConnectorSetting.optional("folder", TEXT, "the IMAP folder to read", "INBOX"),
            ConnectorSetting.required("smtpHost", TEXT, "SMTP server that sends the replies, e.g. smtp.example.org"),
            ConnectorSetting.optional("smtpPort", INTEGER, "SMTP port", "587"),
            ConnectorSetting.optional("smtpSecurity", TEXT, "ssl, starttls or none", "starttls"),
            ConnectorSetting.optional("maxAttachmentSize", TEXT, "largest attachment kept, e.g. 10MB; larger ones are noted in the text", "10MB"),
            ConnectorSetting.optional("interval", DURATION, "time between checks of the mailbox (at least 10 seconds)", "PT1M"));

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(10);

    static MailSettings of(ConnectorSettings settings) {
        String address = settings.required("address");
        return new MailSettings(address, host(settings, "imapHost"), port(settings, "imapPort"),
                security(settings, "imapSecurity"), settings.text("username").orElse(address),
                settings.required("password"), folder(settings), host(settings, "smtpHost"), port(settings, "smtpPort"),
                security(settings, "smtpSecurity"), size(settings), interval(settings));
    }

    /** The part of the address after the {@code @}, for the ids of the messages Webcare writes. */
    String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static String host(ConnectorSettings settings, String key) {
        String host = settings.required(key);
        if (!HOST.matcher(host).matches()) {
            throw new InvalidSettingsException(key, "must be a host name such as mail.example.org (no scheme, no port), got '" + host + "'");
        }
        return host;
    }

    private static int port(ConnectorSettings settings, String key) {
        long port = settings.integer(key).orElseThrow();
        if (port < 1 || port > 65_535) {
            throw new InvalidSettingsException(key, "must be a port between 1 and 65535, got " + port);
        }
        return (int) port;
    }

    private static Security security(ConnectorSettings settings, String key) {
        String value = settings.required(key);
        return Security.parse(value).orElseThrow(() ->
                new InvalidSettingsException(key, "must be ssl, starttls or none, got '" + value + "'"));
    }

    private static String folder(ConnectorSettings settings) {
        String folder = settings.required("folder");
        if (folder.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingsException("folder", "must not hold control characters");
        }
        return folder;
    }

    private static long size(ConnectorSettings settings) {
        String value = settings.required("maxAttachmentSize");
        try {
            long bytes = DataSize.parse(value.replace(" ", "").toUpperCase(Locale.ROOT)).toBytes();
            if (bytes < 0) {
                throw new IllegalArgumentException();
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("maxAttachmentSize", "must be a size such as 10MB, 512KB or a number of bytes, got '" + value + "'");
        }
    }

    private static Duration interval(ConnectorSettings settings) {
        Duration interval = settings.duration("interval").orElseThrow();
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw new InvalidSettingsException("interval", "must be at least 10 seconds, got " + interval);
        }
        return interval;
    }

    @Override
    public String toString() {
        return "MailSettings[" + username + " at " + imapHost + ":" + imapPort + "/" + folder + ", smtp " + smtpHost + ":" + smtpPort + "]";
    }
}
