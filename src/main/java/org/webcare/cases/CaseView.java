package org.webcare.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.webcare.intake.Post;
import org.webcare.shared.Visibility;

/**
 * A case as an agent works it: the customer's posts, the team's replies and the case's recorded changes.
 */
public record CaseView(Case details, List<Post> posts, List<Reply> replies, List<CaseEvent> events) {

    /** Posts, replies and changes merged by time. */
    public List<Entry> timeline() {
        var entries = new ArrayList<Entry>();
        posts.forEach(post -> entries.add(new Entry(post.createdAt(), post, null, null)));
        replies.forEach(reply -> entries.add(new Entry(reply.createdAt(), null, reply, null)));
        events.stream().filter(e -> !e.kind().equals("post-added"))
                .forEach(event -> entries.add(new Entry(event.at(), null, null, event)));
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

    /** The replies not sent yet because they await a team lead's approval or were returned to their author. */
    public List<Reply> heldReplies() {
        return replies.stream().filter(r -> r.awaitsApproval() || r.returned()).toList();
    }

    /** Exactly one of {@code post}, {@code reply} and {@code event} is set. */
    public record Entry(Instant at, Post post, Reply reply, CaseEvent event) {

        public String kind() {
            return post != null ? "post" : reply != null ? "reply" : "event";
        }
    }
}
