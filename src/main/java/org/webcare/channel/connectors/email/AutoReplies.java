package org.webcare.channel.connectors.email;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;

/**
 * Recognises mail no person wrote: vacation and out-of-office answers, bounces and read receipts. Those are no
 * customer's question, and answering them would start a loop between two robots. Headers first (RFC 3834
 * {@code Auto-Submitted}, the de-facto {@code X-Autoreply}, {@code X-Autorespond}, {@code Precedence}), then the
 * report content type of bounces and receipts (RFC 3464, 8098), then the sender and the subject.
 */
final class AutoReplies {

    private static final Pattern SUBJECT = Pattern.compile(
            "^(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|automatisch antwoord|automatische reactie"
                    + "|afwezig|abwesenheitsnotiz|automatische antwort|undeliver(able|ed)|onbestelbaar|niet bezorgd"
                    + "|delivery status notification|mail delivery failed|returned mail|delivery failure)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ROBOT_SENDER = Pattern.compile("^(mailer-daemon|postmaster)@.*", Pattern.CASE_INSENSITIVE);

    private AutoReplies() {
    }

    /** Why the message is an automatic one, or empty when a person wrote it. */
    static Optional<String> reason(MimeMessage message) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
        }
        for (String name : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder"}) {
            if (header(message, name) != null) {
                return Optional.of(name + " header");
            }
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|auto_reply")) {
            return Optional.of("Precedence: " + precedence.strip());
        }
        String reportType = reportType(message);
        if (reportType != null) {
            return Optional.of(reportType.equals("delivery-status") ? "bounce (delivery status report)" : "report: " + reportType);
        }
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress sender && sender.getAddress() != null
                && ROBOT_SENDER.matcher(sender.getAddress()).matches()) {
            return Optional.of("sent by " + sender.getAddress());
        }
        String subject = message.getSubject();
        if (subject != null && SUBJECT.matcher(subject.strip()).matches()) {
            return Optional.of("subject '" + subject.strip() + "'");
        }
        return Optional.empty();
    }

    private static String reportType(MimeMessage message) throws MessagingException {
        String contentType = message.getContentType();
        if (contentType == null) {
            return null;
        }
        try {
            ContentType type = new ContentType(contentType);
            if (!type.match("multipart/report")) {
                return null;
            }
            String reportType = type.getParameter("report-type");
            return reportType == null ? "unknown" : reportType.toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null || value.isBlank() ? null : value;
    }
}
