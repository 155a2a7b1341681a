package org.webcare.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.webcare.shared.Visibility;

/**
 * The platform behind the {@code fake} connector: an in-memory timeline that tests and demonstrations write to, and
 * that can be told to fail. Named instances, so every test has its own. Thread-safe.
 */
public final class FakePlatform {

    private static final Map<String, FakePlatform> PLATFORMS = new ConcurrentHashMap<>();

    private final List<ReceivedPost> posts = new ArrayList<>();
    // Ids unique across restarts: an in-memory platform starts empty again, its new posts must not look like old ones.
    private final String instance = java.util.UUID.randomUUID().toString().substring(0, 8);
    private final List<OutgoingReply> replies = new ArrayList<>();
    private volatile Failure failure = Failure.NONE;

    /** How the platform answers now. */
    public enum Failure { NONE, TRANSIENT, PERMANENT }

    private FakePlatform() {
    }

    /** The platform of that name, created when first asked for. */
    public static FakePlatform named(String name) {
        return PLATFORMS.computeIfAbsent(name, key -> new FakePlatform());
    }

    public ReceivedPost publish(String authorHandle, String text) {
        return publish(authorHandle, null, text);
    }

    /** @param title a subject, as e-mails and feed items have, or {@code null} */
    public synchronized ReceivedPost publish(String authorHandle, String title, String text) {
        ReceivedPost post = new ReceivedPost("fake-" + instance + "-" + (posts.size() + 1), authorHandle, null, text, Visibility.PUBLIC,
                Instant.now(), null, null, null, true, title);
        posts.add(post);
        return post;
    }

    public void fail(Failure failure) {
        this.failure = failure;
    }

    public synchronized List<OutgoingReply> replies() {
        return List.copyOf(replies);
    }

    /** The posts after the one with that id; all of them when the id is unknown (the platform started again). */
    synchronized List<ReceivedPost> postsAfter(String externalId) {
        int position = 0;
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).externalId().equals(externalId)) {
                position = i + 1;
            }
        }
        return List.copyOf(posts.subList(position, posts.size()));
    }

    synchronized void receive(OutgoingReply reply) {
        replies.add(reply);
    }

    Failure failure() {
        return failure;
    }
}
