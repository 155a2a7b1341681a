package org.webcare.consults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads experts' replies from the consult mailbox ({@code webcare.consults.imap.*}) over IMAP, read-only, resuming
 * after the last UID read. A reply belongs to the consult whose e-mail its {@code In-Reply-To} or {@code References}
 * name, whoever sent it (the sender is recorded); failing that, to the consult its subject tag names, but only from
 * the expert's own address. Replies no person wrote, replies to nothing, and second answers are passed over. Reading
 * the same mail twice (a crash, two nodes) records nothing twice: a consult takes one answer.
 */
@Component
class ConsultInbox {

    static final int PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(ConsultInbox.class);
    private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>");

    private final ConsultSettings settings;
    private final ConsultRepository repository;
    private final ConsultChecks checks;
    private final Consults consults;

    ConsultInbox(ConsultSettings settings, ConsultRepository repository, ConsultChecks checks, Consults consults) {
        this.settings = settings;
        this.repository = repository;
        this.checks = checks;
        this.consults = consults;
    }

    boolean enabled() {
        return settings.imap().enabled();
    }

    /** Reads what arrived since the last round; returns how many answers were taken. */
    int read() throws MessagingException {
        ConsultSettings.Imap imap = settings.imap();
        String protocol = imap.ssl() ? "imaps" : "imap";
        Store store = session(protocol).getStore(protocol);
        try {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            if (!(folder instanceof UIDFolder uids)) {
                throw new MessagingException("the server does not give mails stable UIDs");
            }
            folder.open(Folder.READ_ONLY);
            try {
                return read(folder, uids);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } finally {
            store.close();
        }
    }

    private int read(Folder folder, UIDFolder uids) throws MessagingException {
        long validity = uids.getUIDValidity();
        long after = repository.cursor().filter(cursor -> cursor.uidValidity() == validity)
                .map(ConsultRepository.MailboxCursor::lastUid).orElse(0L);
        // "UID n:*" also answers the last mail when its UID is below n, hence the filter.
        List<Message> waiting = Arrays.stream(uids.getMessagesByUID(after + 1, UIDFolder.LASTUID))
                .filter(message -> uid(uids, message) > after)
                .sorted(Comparator.comparingLong(message -> uid(uids, message)))
                .limit(PAGE).toList();
        int answers = 0;
        for (Message message : waiting) {
            long uid = uids.getUID(message);
            try {
                answers += take(new MimeMessage((MimeMessage) message), uid) ? 1 : 0;
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!folder.isOpen()) {
                    throw e instanceof MessagingException m ? m : new MessagingException("connection lost", e);
                }
                // One broken mail must not stop the mailbox: the agent can still cancel and ask again.
                log.warn("Mail with UID {} in the consult mailbox could not be read; passed over", uid, e);
            }
            repository.saveCursor(new ConsultRepository.MailboxCursor(validity, uid));
        }
        return answers;
    }

    private boolean take(MimeMessage message, long uid) throws MessagingException, IOException {
        Optional<String> automatic = AnswerText.automatic(message);
        if (automatic.isPresent()) {
            log.info("Passed over mail {} in the consult mailbox: {}", uid, automatic.get());
            return false;
        }
        String sender = AnswerText.sender(message);
        if (sender == null || sender.equalsIgnoreCase(settings.from())) {
            return false;
        }
        Optional<Consult> consult = referenced(message);
        if (consult.isEmpty()) {
            consult = tagged(message).filter(tagged -> tagged.expertEmail().equalsIgnoreCase(sender));
        }
        if (consult.isEmpty()) {
            log.info("Passed over mail {} in the consult mailbox from {}: it answers no consult", uid, sender);
            return false;
        }
        String answer = AnswerText.of(message);
        if (answer.isBlank()) {
            log.info("Passed over mail {} from {} about consult {}: it holds no answer", uid, sender, consult.get().id());
            return false;
        }
        Optional<Consult> answered = consults.answerByMail(consult.get().id(), answer, sender);
        if (answered.isEmpty()) {
            log.info("Passed over mail {} from {}: consult {} was already answered or cancelled", uid, sender, consult.get().id());
        }
        return answered.isPresent();
    }

    private Optional<Consult> referenced(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>(messageIds(message.getHeader("In-Reply-To", " ")));
        ids.addAll(messageIds(message.getHeader("References", " ")));
        return repository.byMessageIds(ids).flatMap(consults::find);
    }

    private Optional<Consult> tagged(MimeMessage message) throws MessagingException {
        long id = checks.consultOf(message.getSubject());
        return id < 0 ? Optional.empty() : consults.find(id);
    }

    static List<String> messageIds(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = BRACKETED.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group(1).replaceAll("\\s", ""));
            }
        }
        return ids;
    }

    private static Session session(String protocol) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        // A silent server must not hold the worker; reading never marks mail as read.
        properties.put(prefix + "connectiontimeout", "10000");
        properties.put(prefix + "timeout", "30000");
        properties.put(prefix + "writetimeout", "30000");
        properties.put(prefix + "peek", "true");
        if (protocol.equals("imaps")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
