package org.webcare.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.webcare.intake.Post;
import org.webcare.shared.Visibility;

/**
 * A case as an agent works it: the customer's posts, the team's replies, the case's recorded changes and the team's
 * internal notes (never sent to the customer).
 */
public record CaseView(Case details, List<Post> posts, List<Reply> replies, List<CaseEvent> events, List<CaseNote> notes) {

    /** Posts, replies, changes and internal notes merged by time. */
    public List<Entry> timeline() {
        var entries = new ArrayList<Entry>();
        posts.forEach(post -> entries.add(new Entry(post.createdAt(), post, null, null, null)));
        replies.forEach(reply -> entries.add(new Entry(reply.createdAt(), null, reply, null, null)));
        // A post or note shows itself; the event recording its arrival would show it twice.
        events.stream().filter(e -> !e.kind().equals("post-added") && !e.kind().equals("note-added"))
                .forEach(event -> entries.add(new Entry(event.at(), null, null, event, null)));
        notes.forEach(note -> entries.add(new Entry(note.createdAt(), null, null, null, note)));
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    /** The post a reply answers by default: the customer's newest. */
    public Post latestPost() {
        return posts.getLast();
    }

    /** Whether the customer wrote privately in this case (then a private answer is the natural one). */
    public boolean hasPrivatePost() {
        return posts.stream().anyMatch(p -> p.visibility() == Visibility.PRIVATE);
    }

    /**
     * Whether a reply is still on its way to the platform (queued or retrying): the page then looks again shortly, as
     * a delivery can finish before the page that shows the new reply has arrived in the browser.
     */
    public boolean repliesOnTheirWay() {
        return replies.stream().anyMatch(Reply::onItsWay);
    }

    /** The replies not sent yet because they await a team lead's approval or were returned to their author. */
    public List<Reply> heldReplies() {
        return replies.stream().filter(r -> r.awaitsApproval() || r.returned()).toList();
    }

    /** Exactly one of {@code post}, {@code reply}, {@code event} and {@code note} is set. */
    public record Entry(Instant at, Post post, Reply reply, CaseEvent event, CaseNote note) {

        public String kind() {
            return post != null ? "post" : reply != null ? "reply" : note != null ? "note" : "event";
        }
    }
}
