package org.webcare.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.identity.Users;

/**
 * Internal notes on cases: the team's own words in a case's timeline, never sent to the customer. Colleagues named
 * with {@code @name} get an unread mention. Every note is recorded in the case's history ({@code note-added}).
 */
@Service
public class Notes {

    static final int MAX_LENGTH = 10_000;

    private final Cases cases;
    private final NoteRepository notes;
    private final CaseRepository repository;
    private final Users users;
    private final ApplicationEventPublisher events;

    Notes(Cases cases, NoteRepository notes, CaseRepository repository, Users users, ApplicationEventPublisher events) {
        this.cases = cases;
        this.notes = notes;
        this.repository = repository;
        this.users = users;
        this.events = events;
    }

    public List<CaseNote> of(long caseId) {
        cases.get(caseId);
        return notes.notes(caseId);
    }

    /** Adds a colleague's note; the colleagues it names (other than the writer) get an unread mention. */
    @Transactional
    public CaseNote add(long caseId, String text, Actor author) {
        String cleaned = clean(text);
        cases.lock(caseId);
        return save(caseId, author, cleaned, null, null);
    }

    /**
     * Adds an expert's answer to a consult as a note by the address it came from; the colleague who asked gets it as a
     * mention, so it reaches them wherever they are working.
     */
    @Transactional
    public CaseNote addConsultAnswer(long caseId, long consultId, String answeredBy, String text, Long askedByUserId) {
        cases.lock(caseId);
        return save(caseId, new Actor(null, answeredBy), clean(text), consultId, askedByUserId);
    }

    private CaseNote save(long caseId, Actor author, String text, Long consultId, Long alsoNotify) {
        Instant now = cases.now();
        long noteId = notes.insert(caseId, author.userId(), author.name(), text, consultId, now);
        List<Long> mentioned = new ArrayList<>();
        List<MentionNames.Colleague> colleagues = users.all().stream()
                .map(user -> new MentionNames.Colleague(user.id(), user.email(), user.displayName())).toList();
        MentionNames.in(text, colleagues).forEach(colleague -> mentioned.add(colleague.id()));
        if (alsoNotify != null && !mentioned.contains(alsoNotify)) {
            mentioned.add(alsoNotify);
        }
        // Naming yourself is no news to you.
        mentioned.removeIf(userId -> userId.equals(author.userId()));
        mentioned.forEach(userId -> notes.mention(noteId, caseId, userId, now));
        repository.event(caseId, author.userId(), author.name(), "note-added", null, "#" + noteId,
                consultId == null ? null : "answer to consult #" + consultId, now);
        events.publishEvent(new NoteAdded(caseId, noteId, List.copyOf(mentioned)));
        events.publishEvent(new CaseUpdated(caseId));
        return notes.notes(caseId).stream().filter(note -> note.id() == noteId).findFirst().orElseThrow();
    }

    private static String clean(String text) {
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("text: write something");
        }
        if (cleaned.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("text: is longer than " + MAX_LENGTH + " characters");
        }
        return cleaned;
    }
}
