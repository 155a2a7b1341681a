package org.webcare.channel.connectors.email;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.webcare.channel.ConnectorException;

/**
 * Tells failures that may pass (the server unreachable, a time-out, an SMTP 4xx) from those that will not (a refused
 * login, a missing folder, an SMTP 5xx such as an unknown recipient).
 */
final class MailFailures {

    private static final Pattern SMTP_REPLY = Pattern.compile("^([45]\\d\\d)[ -]");

    private MailFailures() {
    }

    static ConnectorException classify(String doing, MessagingException e) {
        String reason = doing + ": " + describe(e);
        if (e instanceof AuthenticationFailedException) {
            return new ConnectorException.Permanent(doing + ": the server refused the username or password"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage().strip() + ")"), e);
        }
        if (e instanceof FolderNotFoundException || e instanceof AddressException) {
            return new ConnectorException.Permanent(reason, e);
        }
        int code = smtpCode(e);
        if (code >= 500 && code < 600) {
            return new ConnectorException.Permanent(reason, e);
        }
        if (code >= 400 && code < 500) {
            return new ConnectorException.Transient(reason, null, e);
        }
        // Connection refused, reset, timed out, closed by the server, TLS handshake cut off: all may pass.
        return new ConnectorException.Transient(reason, null, e);
    }

    static ConnectorException.Transient io(String doing, IOException e) {
        return new ConnectorException.Transient(doing + ": " + e, null, e);
    }

    /**
     * The SMTP reply code behind a failed send, or 0 when there was none. Angus Mail puts the server's answer
     * ({@code 550 5.1.1 User unknown}) in the message of the exceptions it chains, which keeps this free of its
     * implementation classes.
     */
    private static int smtpCode(MessagingException e) {
        int code = 0;
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m && m.getNextException() != m
                ? m.getNextException() : null) {
            Matcher matcher = cause.getMessage() == null ? null : SMTP_REPLY.matcher(cause.getMessage().strip());
            if (matcher != null && matcher.find()) {
                code = Math.max(code, Integer.parseInt(matcher.group(1)));
            }
        }
        return code;
    }

    private static String describe(MessagingException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Exception next = e.getNextException();
        return next == null || next == e ? message : message + " (" + next.getMessage() + ")";
    }
}
