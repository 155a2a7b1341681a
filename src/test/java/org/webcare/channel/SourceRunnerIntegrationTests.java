package org.webcare.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Replies;
import org.webcare.shared.Visibility;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;

/** The runtime with the fake connector: polling into intake, health, backoff, resume, pause, credentials, replies. */
class SourceRunnerIntegrationTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ConnectorChannels connectorChannels;

    @Autowired
    SourceRunner runner;

    @Autowired
    Replies replies;

    private Channel aFakeChannel(String platform) {
        var brand = channels.createBrand(unique("Omroep"));
        return connectorChannels.create(brand.id(), ChannelType.FAKE, "Fake", Map.of("platform", platform, "interval", "PT0.2S",
                "token", "s3cret-" + platform));
    }

    private long stored(long channelId) {
        return jdbc.sql("select count(*) from post where channel_id = ?").param(channelId).query(Long.class).single();
    }

    private SourceHealth health(long channelId) {
        return connectorChannels.health().stream().filter(h -> h.channelId() == channelId).findFirst().orElseThrow();
    }

    @Test
    void storesWhatTheSourceDeliversPageByPageAndShowsItsHealth() {
        String name = "runner-" + UUID.randomUUID();
        Channel channel = aFakeChannel(name);
        FakePlatform platform = FakePlatform.named(name);
        for (int i = 1; i <= 5; i++) {
            platform.publish("@luisteraar" + i, "Bericht " + i + " over de uitzending van gisteren");
        }

        Eventually.within(WAIT, "five posts stored", () -> stored(channel.id()) == 5);
        Eventually.within(WAIT, "the health counts them", () -> health(channel.id()).postsToday() == 5);
        SourceHealth health = health(channel.id());
        assertThat(health.lastSuccessAt()).isNotNull();
        assertThat(health.failing()).isFalse();
        assertThat(jdbc.sql("select distinct channel_type from post where channel_id = ?").param(channel.id())
                .query(String.class).list()).containsExactly("fake");
    }

    @Test
    void keepsCredentialsEncryptedAndNeverShowsThemAgain() {
        String name = "secret-" + UUID.randomUUID();
        Channel channel = aFakeChannel(name);

        String row = jdbc.sql("select settings::text || coalesce(credentials, '') from channel where id = ?").param(channel.id())
                .query(String.class).single();
        assertThat(row).contains(name).doesNotContain("s3cret-");
        assertThat(connectorChannels.shownSettings(channel.id())).containsEntry("token", "••••••").containsEntry("platform", name);
    }

    @Test
    void backsOffAFailingSourceWithoutHoldingUpTheOthersAndRecoversByItself() {
        String failing = "failing-" + UUID.randomUUID();
        String working = "working-" + UUID.randomUUID();
        Channel bad = aFakeChannel(failing);
        Channel good = aFakeChannel(working);
        FakePlatform.named(failing).fail(FakePlatform.Failure.PERMANENT);
        FakePlatform.named(failing).publish("@klant", "Eerste bericht");

        Eventually.within(WAIT, "the failure shown", () -> health(bad.id()).failing());
        assertThat(health(bad.id()).lastError()).isEqualTo("the fake platform refuses the credentials");
        FakePlatform.named(working).publish("@klant", "Dit komt gewoon binnen");
        Eventually.within(WAIT, "the other source still works", () -> stored(good.id()) == 1);

        FakePlatform.named(failing).fail(FakePlatform.Failure.NONE);
        Eventually.within(WAIT, "the failing one recovers by itself", () -> stored(bad.id()) == 1);
        // The poll's posts commit before its success is recorded on the source's health.
        Eventually.within(WAIT, "the health shows the recovery", () -> !health(bad.id()).failing());
    }

    @Test
    void pollingAgainFromAnOldCursorAfterACrashStoresNothingTwice() {
        String name = "resume-" + UUID.randomUUID();
        Channel channel = aFakeChannel(name);
        FakePlatform platform = FakePlatform.named(name);
        platform.publish("@a", "Een");
        platform.publish("@b", "Twee");
        platform.publish("@c", "Drie");
        Eventually.within(WAIT, "all stored", () -> stored(channel.id()) == 3);

        // As if the process died after storing the posts but before keeping the cursor: the poll runs again from the start.
        runner.poll(new SourceRunner.Claimed(channel.id(), null));
        runner.poll(new SourceRunner.Claimed(channel.id(), platform.postsAfter(null).getFirst().externalId()));

        assertThat(stored(channel.id())).isEqualTo(3);
    }

    @Test
    void aPausedSourceIsNotPolledUntilResumed() {
        String name = "paused-" + UUID.randomUUID();
        Channel channel = aFakeChannel(name);
        connectorChannels.pause(channel.id(), true);
        FakePlatform.named(name).publish("@klant", "Is er iemand?");
        Eventually.within(WAIT, "the health shows the pause", () -> health(channel.id()).paused());
        assertThat(stored(channel.id())).isZero();

        connectorChannels.pause(channel.id(), false);
        Eventually.within(WAIT, "polled again", () -> stored(channel.id()) == 1);
    }

    @Test
    void refusesRepliesThePlatformDoesNotTakeBeforeTheyAreQueued() {
        String name = "rules-" + UUID.randomUUID();
        var brand = channels.createBrand(unique("Telecom"));
        Channel channel = connectorChannels.create(brand.id(), ChannelType.FAKE, "Berichten", Map.of("platform", name,
                "interval", "PT0.2S", "publicReplies", "false", "replyWindow", "PT24H"));
        FakePlatform platform = FakePlatform.named(name);
        platform.publish("@klant", "Mijn bundel is op");
        Eventually.within(WAIT, "stored", () -> stored(channel.id()) == 1);
        long postId = jdbc.sql("select id from post where channel_id = ?").param(channel.id()).query(Long.class).single();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replies.send(postId, "Klopt!", Visibility.PUBLIC, null, "Anne"))
                .hasMessageStartingWith("visibility: ").hasMessageContaining("has no public replies");
        // The platform takes 500 characters; an emoji counts as one, as platforms count.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replies.send(postId, "😀".repeat(501), Visibility.PRIVATE, null, "Anne"))
                .hasMessageStartingWith("text: ").hasMessageContaining("at most 500 characters; this one has 501");
        jdbc.sql("update post set created_at = now() - interval '25 hours' where id = ?").param(postId).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replies.send(postId, "Nog steeds?", Visibility.PRIVATE, null, "Anne"))
                .hasMessageContaining("24 hours after the customer's last message");
        assertThat(jdbc.sql("select count(*) from reply where post_id = ?").param(postId).query(Long.class).single())
                .as("nothing recorded or queued").isZero();

        jdbc.sql("update post set created_at = now() - interval '1 hour' where id = ?").param(postId).update();
        replies.send(postId, "😀".repeat(500), Visibility.PRIVATE, null, "Anne");
        Eventually.within(WAIT, "delivered inside the window", () -> platform.replies().size() == 1);
    }

    @Test
    void sendsAgentsRepliesThroughTheConnector() {
        String name = "replies-" + UUID.randomUUID();
        Channel channel = aFakeChannel(name);
        FakePlatform platform = FakePlatform.named(name);
        platform.publish("@klant", "Monteur", "Wanneer komt de monteur?");
        Eventually.within(WAIT, "stored", () -> stored(channel.id()) == 1);
        assertThat(jdbc.sql("select text from post where channel_id = ?").param(channel.id()).query(String.class).single())
                .as("the title leads the text").isEqualTo("Monteur\n\nWanneer komt de monteur?");
        long postId = jdbc.sql("select id from post where channel_id = ?").param(channel.id()).query(Long.class).single();

        replies.send(postId, "Morgen tussen 8 en 12. ^AV", Visibility.PRIVATE, null, "Anne");

        Eventually.within(WAIT, "the platform got it", () -> platform.replies().size() == 1);
        OutgoingReply reply = platform.replies().getFirst();
        assertThat(reply.text()).isEqualTo("Morgen tussen 8 en 12. ^AV");
        assertThat(reply.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(reply.inReplyTo()).isEqualTo(platform.postsAfter(null).getFirst().externalId());
        assertThat(reply.idempotencyKey()).isNotBlank();
        assertThat(reply.subject()).as("answers the post's subject").isEqualTo("Monteur");
    }
}
