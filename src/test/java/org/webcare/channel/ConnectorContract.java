package org.webcare.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.webcare.shared.Visibility;

/**
 * The contract every connector passes: a subclass gives the connector and a platform it can reach (a stub server, a
 * GreenMail mailbox, the fake platform) and the shared tests check lifecycle, cursor resume, stable ids for
 * de-duplication, transient against permanent failures, and replies.
 */
public abstract class ConnectorContract {

    /** The connector under test. */
    protected abstract ChannelConnector connector();

    /** Settings that reach the test platform. */
    protected abstract Map<String, String> workingSettings();

    /** Makes {@code count} new posts appear on the platform; returns their texts (or a part of each). */
    protected abstract List<String> publish(int count) throws Exception;

    /** Makes the platform's next requests fail in a way that may pass later (503, 429, a dropped connection). */
    protected abstract void failTransiently() throws Exception;

    /** Makes the platform's requests fail in a way that will not pass by itself (401, not a feed). */
    protected abstract void failPermanently() throws Exception;

    /** Makes the platform answer normally again. */
    protected abstract void recover() throws Exception;

    /** The replies the platform received, as text, in order; empty for connectors without replies. */
    protected List<String> receivedReplies() throws Exception {
        return List.of();
    }

    /** An id of a post on the platform that a reply can answer (only asked of connectors with replies). */
    protected String aPostToAnswer() throws Exception {
        throw new UnsupportedOperationException("this connector sends no replies");
    }

    protected ChannelConnector.Connection open() {
        return connector().open(ConnectorSettings.check(connector().settings(), workingSettings()));
    }

    /** Polls until the source says nothing more is waiting; returns the posts and the last cursor. */
    protected Polled drain(PostSource source, String cursor) throws ConnectorException {
        List<ReceivedPost> posts = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            PostSource.Poll poll = source.poll(cursor);
            posts.addAll(poll.posts());
            cursor = poll.cursor() == null ? cursor : poll.cursor();
            if (!poll.more()) {
                return new Polled(posts, cursor);
            }
        }
        throw new AssertionError("the source still had more after 50 polls");
    }

    protected record Polled(List<ReceivedPost> posts, String cursor) {

        public List<String> texts() {
            return posts.stream().map(ReceivedPost::text).toList();
        }
    }

    @Test
    void refusesSettingsWithoutARequiredValueNamingIt() {
        List<ConnectorSetting> required = connector().settings().stream()
                .filter(setting -> setting.required() && setting.defaultValue() == null).toList();
        for (ConnectorSetting setting : required) {
            Map<String, String> missing = new java.util.HashMap<>(workingSettings());
            missing.remove(setting.key());
            assertThatThrownBy(() -> connector().open(ConnectorSettings.check(connector().settings(), missing)))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("settings." + setting.key() + ":");
        }
        assertThatThrownBy(() -> ConnectorSettings.check(connector().settings(), Map.of("colour", "red")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("settings.colour");
    }

    @Test
    void resumesFromItsCursorWithoutDeliveringAPostTwice() throws Exception {
        PostSource source = open().source().orElse(null);
        if (source == null) {
            return;
        }
        List<String> first = publish(3);
        Polled before = drain(source, null);
        assertThat(before.texts()).as("the first poll delivers what is there")
                .anySatisfy(text -> assertThat(text).contains(first.getLast()));

        List<String> second = publish(2);
        // A new connection, as after a restart: only the cursor carries over.
        Polled after = drain(open().source().orElseThrow(), before.cursor());
        assertThat(after.texts()).hasSize(2);
        assertThat(after.texts().get(0) + after.texts().get(1)).contains(second.get(0)).contains(second.get(1));

        Set<String> ids = new HashSet<>();
        before.posts().forEach(post -> ids.add(post.externalId()));
        after.posts().forEach(post -> assertThat(ids.add(post.externalId())).as("delivered twice: " + post.externalId()).isTrue());
        assertThat(drain(open().source().orElseThrow(), after.cursor()).posts()).as("nothing new, nothing delivered").isEmpty();
    }

    @Test
    void givesThePostsStableIdsSoTheyAreStoredOnce() throws Exception {
        PostSource source = open().source().orElse(null);
        if (source == null) {
            return;
        }
        publish(2);
        List<String> once = drain(source, null).posts().stream().map(ReceivedPost::externalId).toList();
        List<String> again = drain(open().source().orElseThrow(), null).posts().stream().map(ReceivedPost::externalId).toList();
        assertThat(once).isNotEmpty().doesNotHaveDuplicates();
        assertThat(again).containsAll(once);
        drain(source, null).posts().forEach(post -> {
            assertThat(post.authorHandle()).isNotBlank();
            assertThat(post.text()).isNotNull();
            assertThat(post.createdAt()).isNotNull();
        });
    }

    @Test
    void tellsATransientFailureFromAPermanentOne() throws Exception {
        PostSource source = open().source().orElse(null);
        if (source == null) {
            return;
        }
        publish(1);
        failTransiently();
        assertThatThrownBy(() -> source.poll(null)).isInstanceOf(ConnectorException.Transient.class);
        failPermanently();
        assertThatThrownBy(() -> source.poll(null)).isInstanceOf(ConnectorException.Permanent.class);
        recover();
        assertThat(drain(source, null).posts()).isNotEmpty();
    }

    @Test
    void sendsRepliesInPublicAndPrivateWhereThePlatformAllows() throws Exception {
        ReplyTarget target = open().replies().orElse(null);
        if (target == null) {
            return;
        }
        String answered = aPostToAnswer();
        assertThat(target.maxLength()).isPositive();
        Visibility first = target.supportsPublic() ? Visibility.PUBLIC : Visibility.PRIVATE;
        Visibility visibility = target.supportsPrivate() ? Visibility.PRIVATE : Visibility.PUBLIC;
        target.send(new OutgoingReply("key-1", answered, "@klant", first, "Dank voor je bericht! ^AV", "Anne", "Re: storing"));
        target.send(new OutgoingReply("key-2", answered, "@klant", visibility, "We sturen je een DM. ^AV", "Anne", "Re: storing"));
        assertThat(receivedReplies()).hasSize(2);
        assertThat(receivedReplies().getFirst()).contains("Dank voor je bericht!");
    }
}
