package org.webcare.cases;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.webcare.shared.NotFoundException;

/** Each colleague's own mentions. Nobody sees or marks another's: a mention of someone else is "not found". */
@Service
public class Mentions {

    private static final int SHOWN = 200;

    private final NoteRepository notes;
    private final Cases cases;

    Mentions(NoteRepository notes, Cases cases) {
        this.notes = notes;
        this.cases = cases;
    }

    /** The user's mentions, unread first, then newest first. */
    public List<Mention> of(long userId) {
        return notes.mentionsOf(userId, SHOWN);
    }

    public long unread(long userId) {
        return notes.unread(userId);
    }

    @Transactional
    public Mention markRead(long mentionId, long userId) {
        if (notes.markRead(mentionId, userId, cases.now()) == 0) {
            throw new NotFoundException("mention: no mention with id " + mentionId);
        }
        return notes.mentionOf(mentionId, userId).orElseThrow();
    }
}
