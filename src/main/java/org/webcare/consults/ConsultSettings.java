package org.webcare.consults;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How consults reach experts and their answers reach Webcare ({@code webcare.consults.*}).
 *
 * @param from the sender of consult e-mails; replies go to it, so it should be the mailbox {@code imap} reads
 * @param linkValidAfterDue how long after the due time the answer link still works
 * @param pollInterval how often the mailbox is read and unsent consult e-mails are tried again
 * @param imap the mailbox expert replies arrive in; reading is off without a host
 */
@ConfigurationProperties("webcare.consults")
public record ConsultSettings(String from, Duration linkValidAfterDue, Duration pollInterval, Imap imap) {

    public ConsultSettings {
        from = from == null || from.isBlank() ? "webcare@localhost" : from.strip();
        linkValidAfterDue = linkValidAfterDue == null ? Duration.ofDays(7) : linkValidAfterDue;
        if (linkValidAfterDue.isNegative()) {
            throw new IllegalArgumentException("webcare.consults.link-valid-after-due: must not be negative, got " + linkValidAfterDue);
        }
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        imap = imap == null ? new Imap(null, null, null, null, null, null) : imap;
    }

    /**
     * @param ssl IMAP over TLS (the default, port 993); {@code false} for plain IMAP (port 143)
     */
    public record Imap(String host, Integer port, String username, String password, String folder, Boolean ssl) {

        public Imap {
            host = host == null ? "" : host.strip();
            folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
            ssl = ssl == null || ssl;
            port = port == null || port <= 0 ? (ssl ? 993 : 143) : port;
        }

        public boolean enabled() {
            return !host.isEmpty();
        }

        @Override
        public String toString() {
            return "Imap[" + username + "@" + host + ":" + port + "/" + folder + (ssl ? ", ssl" : "") + "]";
        }
    }
}
