package org.webcare.channel.connectors.email;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.OutboundGuard;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReceivedPost;
import org.webcare.shared.Visibility;

/**
 * Reads the mailbox's folder over IMAP, oldest first, at most {@value #PAGE} mails a poll. The cursor is
 * {@code UIDVALIDITY:lastUID}: a new connection resumes after the last mail read; when the server renumbered the
 * folder (a new UIDVALIDITY) the folder is read from the start again, and the Message-IDs keep every mail stored once.
 * The folder is opened read-only, so nothing is marked as read, moved or deleted. Every poll logs in, reads and logs
 * out; IMAP IDLE is not used.
 */
final class ImapSource implements PostSource {

    static final int PAGE = 50;
    static final int FETCH_WHOLE_BELOW_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ImapSource.class);
    /** Every header the reader asks for, fetched for the whole page at once: each one missed costs a round trip per mail. */
    private static final List<String> HEADERS = List.of("Message-ID", "In-Reply-To", "References", "From", "Subject",
            "Date", "Content-Type", "Auto-Submitted", "X-Autoreply", "X-Autorespond", "X-Autoresponder", "Precedence");

    private final MailSettings settings;
    private final OutboundGuard guard;
    private final MailReader reader;
    private final Session session;
    private final AtomicLong skipped = new AtomicLong();

    ImapSource(MailSettings settings, OutboundGuard guard, MailReader reader) {
        this.settings = settings;
        this.guard = guard;
        this.reader = reader;
        this.session = MailSessions.imap(settings);
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    /** Automatic mail (out-of-office answers, bounces) passed over by this source so far. */
    long skipped() {
        return skipped.get();
    }

    @Override
    public Poll poll(String cursor) throws ConnectorException {
        Cursor from = Cursor.parse(cursor);
        guard.check(settings.imapHost(), settings.imapPort());
        String doing = "reading folder '" + settings.folder() + "' on " + settings.imapHost();
        Store store = null;
        try {
            store = session.getStore(MailSessions.imapProtocol(settings));
            store.connect(settings.imapHost(), settings.imapPort(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            if (!(folder instanceof UIDFolder)) {
                throw new ConnectorException.Permanent(doing + ": the server does not give mails stable UIDs");
            }
            folder.open(Folder.READ_ONLY);
            try {
                return read(folder, from);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } catch (MessagingException e) {
            throw MailFailures.classify(doing, e);
        } catch (IOException e) {
            throw MailFailures.io(doing, e);
        } finally {
            close(store);
        }
    }

    private Poll read(Folder folder, Cursor from) throws MessagingException, IOException {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        long after = 0;
        if (from != null && from.uidValidity() == validity) {
            after = from.lastUid();
        } else if (from != null) {
            log.info("Folder '{}' on {} was renumbered (UIDVALIDITY {} -> {}); reading it from the start",
                    settings.folder(), settings.imapHost(), from.uidValidity(), validity);
        }
        // "UID n:*" also answers the last mail when its UID is below n, hence the filter.
        long floor = after;
        List<Message> waiting = new ArrayList<>(Arrays.stream(uids.getMessagesByUID(after + 1, UIDFolder.LASTUID))
                .filter(message -> uid(uids, message) > floor)
                .sorted(Comparator.comparingLong(message -> uid(uids, message)))
                .toList());
        List<Message> page = waiting.subList(0, Math.min(PAGE, waiting.size()));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.SIZE);
        HEADERS.forEach(profile::add);
        folder.fetch(page.toArray(Message[]::new), profile);

        List<ReceivedPost> posts = new ArrayList<>();
        long last = after;
        for (Message message : page) {
            long uid = uids.getUID(message);
            switch (readOne(folder, (MimeMessage) message, validity, uid)) {
                case MailReader.Post post -> posts.add(post.post());
                case MailReader.Skipped skip -> {
                    skipped.incrementAndGet();
                    log.info("Skipped mail {} in '{}' of {}: {}", skip.messageId(), settings.folder(), settings.address(), skip.reason());
                }
            }
            last = uid;
        }
        return new Poll(posts, new Cursor(validity, last).toString(), waiting.size() > page.size());
    }

    /**
     * A mail that cannot be parsed (broken MIME, a missing part) must not stop the mailbox: it becomes a post saying
     * so. Lost connections and attachments that cannot be written are not the mail's fault and fail the poll.
     */
    private MailReader.Read readOne(Folder folder, MimeMessage message, long validity, long uid) throws MessagingException, IOException {
        try {
            return reader.read(local(message), validity, uid);
        } catch (FolderClosedException | StoreClosedException | MessageRemovedException | AttachmentStore.Unwritable e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            if (!folder.isOpen() || causedByNetwork(e)) {
                throw new FolderClosedException(folder, "connection lost while reading UID " + uid + ": " + e.getMessage());
            }
            log.warn("Mail with UID {} in '{}' of {} could not be read", uid, settings.folder(), settings.address(), e);
            String id = "webcare-unreadable-" + validity + "-" + uid + "@" + settings.imapHost().toLowerCase(Locale.ROOT);
            return new MailReader.Post(new ReceivedPost(id, "unknown", null,
                    "[this e-mail could not be read: " + e.getMessage() + "; see UID " + uid + " in folder " + settings.folder() + "]",
                    Visibility.PRIVATE, Instant.now(), null, null, null, true, null));
        }
    }

    /**
     * A small mail is fetched whole in one request and read from memory; reading it part by part from the server
     * would cost a round trip for every part. A large one (attachments) is streamed, part by part.
     */
    private static MimeMessage local(MimeMessage message) throws MessagingException {
        int size = message.getSize();
        return size >= 0 && size <= FETCH_WHOLE_BELOW_BYTES ? new MimeMessage(message) : message;
    }

    private static boolean causedByNetwork(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketException || cause instanceof java.net.SocketTimeoutException
                    || cause.getClass().getSimpleName().equals("FolderClosedIOException")) {
                return true;
            }
        }
        return false;
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(Store store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException e) {
            log.debug("Closing the IMAP connection failed", e);
        }
    }

    /** Where a poll left off: the folder's UIDVALIDITY and the highest UID read. */
    record Cursor(long uidValidity, long lastUid) {

        static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split(":");
            try {
                if (parts.length == 2) {
                    return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
            } catch (NumberFormatException e) {
                // handled below
            }
            log.warn("Ignoring a cursor that is not UIDVALIDITY:UID: '{}'; reading the folder from the start", value);
            return null;
        }

        @Override
        public String toString() {
            return uidValidity + ":" + lastUid;
        }
    }
}
