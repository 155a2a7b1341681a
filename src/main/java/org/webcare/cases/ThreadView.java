package org.webcare.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.webcare.channel.Channel;
import org.webcare.intake.Post;

/**
 * A conversation as an agent reads it: posts and replies in the order they were written.
 */
public record ThreadView(long threadId, Channel channel, List<Post> posts, List<Reply> replies) {

    /** Posts and replies merged by time. */
    public List<Entry> timeline() {
        var entries = new ArrayList<Entry>();
        posts.forEach(post -> entries.add(new Entry(post, null, post.createdAt())));
        replies.forEach(reply -> entries.add(new Entry(null, reply, reply.createdAt())));
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    /** Whether a reply is still on its way to the platform: the page looks again shortly (see {@link CaseView}). */
    public boolean repliesOnTheirWay() {
        return replies.stream().anyMatch(Reply::onItsWay);
    }

    public Post latestPost() {
        return posts.getLast();
    }

    /** Exactly one of {@code post} and {@code reply} is set. */
    public record Entry(Post post, Reply reply, Instant at) {

        public boolean isReply() {
            return reply != null;
        }
    }
}
