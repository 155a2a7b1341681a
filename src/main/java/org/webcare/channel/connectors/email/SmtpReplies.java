package org.webcare.channel.connectors.email;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.OutboundGuard;
import org.webcare.channel.OutgoingReply;
import org.webcare.channel.ReplyTarget;

/**
 * Sends replies as e-mail over SMTP, in the customer's thread: {@code In-Reply-To} the answered mail, its
 * {@code References} continued, the subject with one "Re: ". The Message-ID comes from the idempotency key, so a send
 * repeated after a crash carries the same id and mail clients show it once. The answered mail is looked up in the
 * folder (read-only) for its references and, when {@code to} is no address, its sender.
 */
final class SmtpReplies implements ReplyTarget {

    static final int MAX_LENGTH = 100_000;
    private static final Logger log = LoggerFactory.getLogger(SmtpReplies.class);
    private static final Pattern REPLY_PREFIX = Pattern.compile("^((re|aw|antw|sv|vs)(\\[\\d+])?\\s?:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private final MailSettings settings;
    private final OutboundGuard guard;
    private final Session smtp;
    private final Session imap;

    SmtpReplies(MailSettings settings, OutboundGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.smtp = MailSessions.smtp(settings);
        this.imap = MailSessions.imap(settings);
    }

    @Override
    public boolean supportsPrivate() {
        return true;
    }

    @Override
    public boolean supportsPublic() {
        return false;
    }

    @Override
    public int maxLength() {
        return MAX_LENGTH;
    }

    @Override
    public void send(OutgoingReply reply) throws ConnectorException {
        if (reply.text() == null || reply.text().length() > MAX_LENGTH) {
            throw new ConnectorException.Permanent("the reply is empty or longer than " + MAX_LENGTH + " characters");
        }
        Original original = reply.inReplyTo() == null ? Original.NONE : original(reply.inReplyTo(), recipientGiven(reply));
        MimeMessage message = compose(reply, original);
        guard.check(settings.smtpHost(), settings.smtpPort());
        String doing = "sending a reply through " + settings.smtpHost();
        try (Transport transport = smtp.getTransport(MailSessions.smtpProtocol(settings))) {
            transport.connect(settings.smtpHost(), settings.smtpPort(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw MailFailures.classify(doing, e);
        }
    }

    /** Subject with exactly one "Re: " in front, whatever prefixes (Re:, RE:, Aw:, Antw:) it had. */
    static String replySubject(String subject) {
        String bare = subject == null ? "" : REPLY_PREFIX.matcher(subject.strip()).replaceFirst("").strip();
        return "Re: " + (bare.isEmpty() ? "your message" : bare);
    }

    /** A Message-ID that only this reply's idempotency key gives, in the support address's domain. */
    String messageId(String idempotencyKey) {
        return "webcare." + AttachmentStore.hash(settings.address().toLowerCase(Locale.ROOT) + "/" + idempotencyKey)
                + "@" + settings.domain();
    }

    private MimeMessage compose(OutgoingReply reply, Original original) throws ConnectorException {
        try {
            MimeMessage message = new FixedIdMessage(smtp, MessageIds.bracketed(messageId(reply.idempotencyKey())));
            message.setFrom(reply.authorName() == null || reply.authorName().isBlank()
                    ? new InternetAddress(settings.address())
                    : new InternetAddress(settings.address(), reply.authorName().strip(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, recipient(reply, original));
            message.setSubject(replySubject(reply.subject() != null ? reply.subject() : original.subject()), "UTF-8");
            message.setSentDate(new Date());
            if (reply.inReplyTo() != null) {
                message.setHeader("In-Reply-To", MessageIds.bracketed(reply.inReplyTo()));
                List<String> references = new ArrayList<>(original.references());
                references.remove(reply.inReplyTo());
                references.add(reply.inReplyTo());
                message.setHeader("References", String.join(" ", references.stream().map(MessageIds::bracketed).toList()));
            }
            message.setText(reply.text(), "UTF-8");
            message.saveChanges();
            return message;
        } catch (AddressException e) {
            throw new ConnectorException.Permanent("cannot address the reply: " + e.getMessage(), e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new ConnectorException.Permanent("cannot write the reply: " + e.getMessage(), e);
        }
    }

    private static InternetAddress recipientGiven(OutgoingReply reply) {
        if (reply.to() == null || !reply.to().contains("@") || reply.to().startsWith("@")) {
            return null;
        }
        try {
            InternetAddress address = new InternetAddress(reply.to(), true);
            address.validate();
            return address;
        } catch (AddressException e) {
            return null;
        }
    }

    private Address recipient(OutgoingReply reply, Original original) throws ConnectorException {
        InternetAddress given = recipientGiven(reply);
        if (given != null && original.replyTo() != null && original.from() != null
                && given.getAddress().equalsIgnoreCase(original.from().getAddress())) {
            return original.replyTo();
        }
        if (given != null) {
            return given;
        }
        if (original.replyTo() != null) {
            return original.replyTo();
        }
        if (original.from() != null) {
            return original.from();
        }
        throw new ConnectorException.Permanent("'" + reply.to() + "' is no e-mail address, and the answered mail "
                + reply.inReplyTo() + " was not found in folder '" + settings.folder() + "' to take its sender");
    }

    /**
     * The answered mail's subject, references and sender. When it cannot be read, the reply still goes out (with
     * shorter references) if it has a recipient; without one, that failure is the reply's.
     */
    private Original original(String messageId, InternetAddress recipient) throws ConnectorException {
        try {
            guard.check(settings.imapHost(), settings.imapPort());
            try (Store store = imap.getStore(MailSessions.imapProtocol(settings))) {
                store.connect(settings.imapHost(), settings.imapPort(), settings.username(), settings.password());
                Folder folder = store.getFolder(settings.folder());
                folder.open(Folder.READ_ONLY);
                try {
                    for (Message found : folder.search(new HeaderTerm("Message-ID", messageId))) {
                        if (messageId.equals(MessageIds.normalise(((MimeMessage) found).getMessageID()))) {
                            return Original.of((MimeMessage) found);
                        }
                    }
                    return Original.NONE;
                } finally {
                    folder.close(false);
                }
            }
        } catch (MessagingException | ConnectorException e) {
            if (recipient == null) {
                throw e instanceof ConnectorException c ? c : MailFailures.classify("finding the answered mail " + messageId, (MessagingException) e);
            }
            log.info("Answered mail {} not read from '{}' ({}); replying without its references", messageId, settings.folder(), e.getMessage());
            return Original.NONE;
        }
    }

    private record Original(String subject, List<String> references, InternetAddress from, InternetAddress replyTo) {

        static final Original NONE = new Original(null, List.of(), null, null);

        static Original of(MimeMessage message) throws MessagingException {
            List<String> references = new ArrayList<>(MessageIds.all(message.getHeader("References", " ")));
            if (references.isEmpty()) {
                String inReplyTo = MessageIds.normalise(message.getHeader("In-Reply-To", " "));
                if (inReplyTo != null) {
                    references.add(inReplyTo);
                }
            }
            return new Original(message.getSubject(), references, first(message.getFrom()), first(message.getReplyTo()));
        }

        private static InternetAddress first(Address[] addresses) {
            return addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress address ? address : null;
        }
    }

    /** Keeps the Message-ID it was given; {@link MimeMessage#saveChanges()} would otherwise make a random one. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
