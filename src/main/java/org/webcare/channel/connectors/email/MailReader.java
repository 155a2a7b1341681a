package org.webcare.channel.connectors.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.webcare.channel.ReceivedPost;
import org.webcare.shared.Visibility;

/**
 * Reads one mail into a post: author from {@code From}, title from the subject, the new text without quotes and
 * signature (plain text preferred, HTML converted), threading from {@code In-Reply-To} or the last of
 * {@code References}, and attachments kept as files and named in the text. Automatic mail is recognised and skipped.
 */
final class MailReader {

    private final MailSettings settings;
    private final AttachmentStore attachments;

    MailReader(MailSettings settings, AttachmentStore attachments) {
        this.settings = settings;
        this.attachments = attachments;
    }

    /** What a mail became. */
    sealed interface Read {
    }

    record Post(ReceivedPost post) implements Read {
    }

    record Skipped(String messageId, String reason) implements Read {
    }

    /**
     * @throws IOException when an attachment cannot be written or the content cannot be read from the server
     */
    Read read(MimeMessage message, long uidValidity, long uid) throws MessagingException, IOException {
        InternetAddress from = from(message);
        String messageId = MessageIds.normalise(message.getHeader("Message-ID", null));
        Instant createdAt = message.getSentDate() != null ? message.getSentDate().toInstant()
                : message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : null;
        if (messageId == null) {
            messageId = syntheticId(uidValidity, uid, createdAt, from);
        }
        Optional<String> automatic = AutoReplies.reason(message);
        if (automatic.isPresent()) {
            return new Skipped(messageId, automatic.get());
        }
        if (from != null && from.getAddress() != null && from.getAddress().equalsIgnoreCase(settings.address())) {
            return new Skipped(messageId, "sent from the support address itself");
        }

        Body body = new Body();
        walk(message, body, messageId);
        String text = body.plain != null ? QuotedText.strip(body.plain)
                : body.html != null ? QuotedText.strip(HtmlText.toText(body.html)) : "";
        if (!body.notes.isEmpty()) {
            text = (text.isEmpty() ? "" : text + "\n\n") + String.join("\n", body.notes);
        }
        String subject = message.getSubject() == null ? null : message.getSubject().strip();
        if (text.isBlank() && subject != null) {
            text = subject;
        }
        String handle = from == null || from.getAddress() == null ? "unknown" : from.getAddress().toLowerCase(Locale.ROOT);
        String name = from == null ? null : from.getPersonal();
        return new Post(new ReceivedPost(messageId, handle, name == null || name.isBlank() ? null : name.strip(), text,
                Visibility.PRIVATE, createdAt == null ? Instant.now() : createdAt, inReplyTo(message), null, null, true,
                subject == null || subject.isEmpty() ? null : subject));
    }

    /** The message this one answers: {@code In-Reply-To}, else the last of {@code References}. */
    static String inReplyTo(MimeMessage message) throws MessagingException {
        String inReplyTo = MessageIds.normalise(message.getHeader("In-Reply-To", " "));
        if (inReplyTo != null) {
            return inReplyTo;
        }
        List<String> references = MessageIds.all(message.getHeader("References", " "));
        return references.isEmpty() ? null : references.getLast();
    }

    private static InternetAddress from(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            return null;
        }
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address : null;
    }

    /** Stable for as long as the mailbox keeps its UIDVALIDITY, for mail without a Message-ID. */
    private String syntheticId(long uidValidity, long uid, Instant date, InternetAddress from) {
        String seed = uidValidity + "/" + uid + "/" + date + "/" + (from == null ? "" : from.getAddress());
        return "webcare-" + AttachmentStore.hash(seed) + "@" + settings.imapHost().toLowerCase(Locale.ROOT);
    }

    private static final class Body {
        String plain;
        String html;
        final List<String> notes = new ArrayList<>();
        final Set<String> names = new HashSet<>();
    }

    private void walk(Part part, Body body, String messageId) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, messageId);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null;
        if (!attachment && part.isMimeType("text/plain") && body.plain == null) {
            body.plain = text(part);
        } else if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = text(part);
        } else if (attachment || !part.isMimeType("text/*")) {
            if (isLayoutImage(part)) {
                return;
            }
            keep(part, body, messageId);
        }
    }

    /** Images embedded in an HTML body (logos in signatures) are layout, not something the customer sent. */
    private static boolean isLayoutImage(Part part) throws MessagingException {
        return part.isMimeType("image/*") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && part.getHeader("Content-ID") != null;
    }

    private void keep(Part part, Body body, String messageId) throws MessagingException, IOException {
        String name = Optional.ofNullable(fileName(part)).orElse(part.isMimeType("message/rfc822") ? "message.eml" : "attachment");
        AttachmentStore.Outcome outcome;
        try (InputStream content = part.getInputStream()) {
            outcome = attachments.keep(settings.address(), messageId, name, content, settings.maxAttachmentBytes(), body.names);
        }
        switch (outcome) {
            case AttachmentStore.Kept kept -> body.notes.add("[attachment: " + kept.fileName() + "]");
            case AttachmentStore.TooLarge tooLarge -> body.notes.add("[attachment " + tooLarge.fileName() + " ("
                    + Sizes.human(Math.max(tooLarge.atLeastBytes(), decodedSize(part))) + ") not kept: over the limit of "
                    + Sizes.human(settings.maxAttachmentBytes()) + "]");
        }
    }

    /** The server reports the encoded size; base64 takes four bytes for three, plus a line break every 76. */
    private static long decodedSize(Part part) throws MessagingException {
        int size = part.getSize();
        if (size <= 0) {
            return 0;
        }
        String[] encoding = part.getHeader("Content-Transfer-Encoding");
        boolean base64 = encoding != null && encoding.length > 0 && encoding[0].strip().equalsIgnoreCase("base64");
        return base64 ? size * 76L / 78 * 3 / 4 : size;
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException e) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (java.io.UnsupportedEncodingException e) {
            // An unknown charset: read the bytes as UTF-8 rather than losing the message.
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
