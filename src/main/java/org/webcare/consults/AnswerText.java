package org.webcare.consults;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The expert's own words in a reply by e-mail: the plain-text part (or the HTML part as text) without the quoted
 * consult e-mail, the signature and device lines, following the rules of the e-mail connector in a small form:
 * an attribution ("On … wrote:", "Op … schreef …:", "Am … schrieb …:", up to three lines, naming an address or
 * followed by quoted lines), "-----Original
 * Message-----" and its Dutch forms, or an Outlook header block ("From:"/"Van:" with "Sent:"/"To:"/"Subject:" …
 * below it) start the quote; lines starting with {@code >} are quoted; {@code "-- "} and "Sent from my …" end the text.
 * Also recognises replies no person wrote (out-of-office, bounces), which must not pass for an answer.
 */
final class AnswerText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(on\\s.+\\swrote:|op\\s.+\\sschreef\\s?.*:|op\\s.+\\shet volgende geschreven\\s?:|am\\s.+\\sschrieb\\s?.*:)$", FLAGS);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^-{2,}\\s*(original message|oorspronkelijk bericht|origineel bericht|oorspronkelijk e-mailbericht)\\s*-{2,}$", FLAGS);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(from|van|von)\\s?:\\*?\\s.*", FLAGS);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\*?(sent|date|to|cc|subject|verzonden|datum|aan|onderwerp|gesendet|an|betreff)\\s?:\\*?.*", FLAGS);
    private static final Pattern DEVICE = Pattern.compile(
            "^(sent from my |get outlook for |verstuurd vanaf mijn |verzonden vanaf mijn |von meinem .+ gesendet).{0,60}$", FLAGS);
    private static final Pattern AUTOMATIC_SUBJECT = Pattern.compile(
            "^(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|automatisch antwoord|automatische reactie"
                    + "|afwezig|abwesenheitsnotiz|undeliver(able|ed)|onbestelbaar|delivery status notification"
                    + "|mail delivery failed|returned mail)\\b.*", FLAGS);

    private AnswerText() {
    }

    /** Why no person wrote this reply, or empty when one did. */
    static Optional<String> automatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", ",");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
        }
        for (String name : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder"}) {
            if (message.getHeader(name, ",") != null) {
                return Optional.of(name + " header");
            }
        }
        String precedence = message.getHeader("Precedence", ",");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|auto_reply")) {
            return Optional.of("Precedence: " + precedence.strip());
        }
        if (message.isMimeType("multipart/report")) {
            return Optional.of("a delivery or read report");
        }
        String sender = sender(message);
        if (sender != null && sender.matches("(?i)^(mailer-daemon|postmaster)@.*")) {
            return Optional.of("sent by " + sender);
        }
        String subject = message.getSubject();
        if (subject != null && AUTOMATIC_SUBJECT.matcher(subject.strip()).matches()) {
            return Optional.of("subject '" + subject.strip() + "'");
        }
        return Optional.empty();
    }

    /** The sender's address in lower case, or {@code null}. */
    static String sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            return null;
        }
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address && address.getAddress() != null
                ? address.getAddress().toLowerCase(Locale.ROOT) : null;
    }

    /** The new text of a reply: plain text preferred, HTML converted, quotes and signature cut. */
    static String of(MimeMessage message) throws MessagingException, IOException {
        String[] body = new String[2];
        walk(message, body);
        return body[0] != null ? strip(body[0]) : body[1] != null ? strip(htmlToText(body[1])) : "";
    }

    private static void walk(Part part, String[] body) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body);
            }
            return;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && body[0] == null) {
            body[0] = content(part);
        } else if (part.isMimeType("text/html") && body[1] == null) {
            body[1] = content(part);
        }
    }

    private static String content(Part part) throws MessagingException, IOException {
        try {
            if (part.getContent() instanceof String text) {
                return text;
            }
        } catch (java.io.UnsupportedEncodingException e) {
            // An unknown charset: read the bytes as UTF-8 rather than losing the answer.
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** HTML as text with its line breaks, without what mail clients mark as quoted. */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, style, script, blockquote, .gmail_quote, .gmail_signature, .moz-cite-prefix, .yahoo_quoted").remove();
        document.select("br").after("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4").before("\\n");
        return document.body() == null ? "" : document.body().text().replace("\\n", "\n")
                .lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static String strip(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size() && !startsQuoteOrSignature(lines, i); i++) {
            if (!lines.get(i).stripLeading().startsWith(">")) {
                kept.add(lines.get(i).stripTrailing());
            }
        }
        String result = tidy(kept);
        return result.isEmpty() ? tidy(lines) : result;
    }

    private static boolean startsQuoteOrSignature(List<String> lines, int i) {
        String raw = lines.get(i);
        String line = raw.strip();
        if (raw.equals("-- ") || raw.equals("--") || DEVICE.matcher(line).matches() || ORIGINAL.matcher(line).matches()) {
            return true;
        }
        if (HEADER_FROM.matcher(line).matches()) {
            long others = lines.subList(i + 1, Math.min(lines.size(), i + 6)).stream()
                    .filter(next -> HEADER_OTHER.matcher(next.strip()).matches()).count();
            if (others >= 2) {
                return true;
            }
        }
        StringBuilder joined = new StringBuilder();
        for (int j = i; j < Math.min(lines.size(), i + 3) && !lines.get(j).isBlank(); j++) {
            joined.append(joined.isEmpty() ? "" : " ").append(lines.get(j).strip());
            if (ATTRIBUTION.matcher(joined).matches()) {
                // "Op maandag schreef ik al:" in the expert's own words names no address and quotes nothing.
                return joined.indexOf("@") >= 0 || quoteFollows(lines, j + 1);
            }
        }
        return false;
    }

    private static boolean quoteFollows(List<String> lines, int from) {
        return lines.stream().skip(from).filter(line -> !line.isBlank()).findFirst()
                .map(line -> line.stripLeading().startsWith(">")).orElse(false);
    }

    /** Without leading and trailing blank lines, and at most one blank line in a row. */
    private static String tidy(List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean blank = false;
        for (String line : lines) {
            if (line.isBlank()) {
                blank = !text.isEmpty();
                continue;
            }
            if (blank) {
                text.append('\n');
                blank = false;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line.stripTrailing());
        }
        return text.toString();
    }
}
