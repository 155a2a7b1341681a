package org.webcare.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webcare.support.ApiClient.aPost;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Replies;
import org.webcare.cases.Reply;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;

class ReplyDeliveryIntegrationTests extends IntegrationTest {

    @Autowired
    Replies replies;

    private ApiClient api;
    private WebcareUser agent;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        agent = anAgent("long-enough-password");
    }

    @Test
    void deliversOncePerIdempotencyKeyWhenTheReceiverFailsTheFirstTwoAttempts() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver().failingFirst(2, 503)) {
            NewChannel channel = channelWithCallback(receiver);
            long postId = customerPost(channel, "tweet-881", "Waar blijft mijn monteur?");

            var response = api.postJson("/api/v1/posts/" + postId + "/replies", tokenFor(agent),
                    "{\"text\":\"Hoi! We zoeken het voor je uit. ^AV\",\"visibility\":\"public\"}");
            assertThat(response.statusCode()).isEqualTo(201);
            long replyId = Long.parseLong(response.body().replaceAll(".*?\"id\":(\\d+).*", "$1"));

            Eventually.within(Duration.ofSeconds(10), "reply delivered", () -> state(replyId) == DeliveryState.SENT);
            assertThat(receiver.attempts()).isEqualTo(3);
            assertThat(receiver.acceptedByKey()).hasSize(1).containsValue(1);
            assertThat(receiver.sawBadSignature()).isFalse();
            assertThat(receiver.bodies().getFirst()).contains("\"text\": \"Hoi! We zoeken het voor je uit. ^AV\"")
                    .contains("\"inReplyTo\": \"tweet-881\"");
            assertThat(replies.find(replyId).orElseThrow().delivery().attempts()).isEqualTo(3);
        }
    }

    @Test
    void givesUpOnARefusalWithTheReasonAndSendsAgainWhenAsked() {
        try (CallbackReceiver receiver = new CallbackReceiver().failingFirst(1, 503)) {
            NewChannel channel = channelWithCallback(receiver);
            long postId = customerPost(channel, "Hallo");
            receiver.failingFirst(100, 400);

            Reply reply = replies.send(postId, "Dag!", Visibility.PUBLIC, agent.id(), agent.displayName());

            Eventually.within(Duration.ofSeconds(10), "reply given up", () -> state(reply.id()) == DeliveryState.FAILED);
            assertThat(replies.find(reply.id()).orElseThrow().delivery().lastError()).contains("Callback answered HTTP 400");
            assertThat(receiver.attempts()).isEqualTo(1);

            receiver.failingFirst(0, 400);
            var again = api.postJson("/api/v1/replies/" + reply.id() + "/retry", tokenFor(agent), "");
            assertThat(again.statusCode()).isEqualTo(202);
            Eventually.within(Duration.ofSeconds(10), "reply sent again", () -> state(reply.id()) == DeliveryState.SENT);
            assertThat(receiver.acceptedByKey().values()).containsExactly(1);
            assertThat(api.postJson("/api/v1/replies/" + reply.id() + "/retry", tokenFor(agent), "").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void keepsRetryingWithTheReasonUntilTheReceiverComesBack() {
        try (CallbackReceiver receiver = new CallbackReceiver().failingFirst(3, 503)) {
            NewChannel channel = channelWithCallback(receiver);
            long postId = customerPost(channel, "Hallo");

            Reply reply = replies.send(postId, "Dag!", Visibility.PUBLIC, agent.id(), agent.displayName());

            Eventually.within(Duration.ofSeconds(10), "a failed attempt recorded",
                    () -> replies.find(reply.id()).orElseThrow().delivery().state() == DeliveryState.RETRYING);
            assertThat(replies.find(reply.id()).orElseThrow().delivery().lastError()).contains("HTTP 503");
            Eventually.within(Duration.ofSeconds(10), "reply delivered", () -> state(reply.id()) == DeliveryState.SENT);
            assertThat(receiver.acceptedByKey().values()).containsExactly(1);
        }
    }

    @Test
    void retriesAMessageWhoseDeliveryWasCutOffByACrash() {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver);
            long postId = customerPost(channel, "Hallo");
            Reply reply = replies.send(postId, "Dag!", Visibility.PUBLIC, agent.id(), agent.displayName());
            // As a node that claimed the message and died during the call leaves it: claimed, lease running.
            jdbc.sql("update outbound_message set next_attempt_at = now() + interval '1 second' where id = ? and state = 'QUEUED'")
                    .param(reply.delivery().messageId()).update();

            Eventually.within(Duration.ofSeconds(10), "reply delivered after the lease", () -> state(reply.id()) == DeliveryState.SENT);
            assertThat(receiver.acceptedByKey().values()).containsExactly(1);
        }
    }

    @Test
    void aSlowReceiverDoesNotHoldUpTheOtherChannels() {
        // The slow answer stays below the tests' 2 s request time-out, so it still counts as delivered.
        try (CallbackReceiver slow = new CallbackReceiver().answeringAfter(Duration.ofMillis(1800));
             CallbackReceiver quick = new CallbackReceiver()) {
            long slowPost = customerPost(channelWithCallback(slow), "Hallo traag");
            long quickPost = customerPost(channelWithCallback(quick), "Hallo snel");

            Reply toSlow = replies.send(slowPost, "Eerste", Visibility.PUBLIC, agent.id(), agent.displayName());
            Eventually.within(Duration.ofSeconds(3), "the slow receiver is being called", () -> slow.attempts() == 1);
            Reply toQuick = replies.send(quickPost, "Tweede", Visibility.PUBLIC, agent.id(), agent.displayName());

            Eventually.within(Duration.ofMillis(1200), "the quick channel's reply delivered meanwhile",
                    () -> state(toQuick.id()) == DeliveryState.SENT);
            assertThat(state(toSlow.id())).isEqualTo(DeliveryState.QUEUED);
            Eventually.within(Duration.ofSeconds(10), "the slow one delivered too", () -> state(toSlow.id()) == DeliveryState.SENT);
        }
    }

    @Test
    void refusesAPrivateReplyWhereTheChannelAllowsNone() {
        var brand = channels.createBrand(unique("Public only"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "API", "http://127.0.0.1:9/x", false);
        long postId = customerPost(channel, "Hallo");

        var response = api.postJson("/api/v1/posts/" + postId + "/replies", tokenFor(agent), "{\"text\":\"Stuur ons een DM\",\"visibility\":\"private\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("does not allow private replies");
        assertThat(jdbc.sql("select count(*) from reply where post_id = ?").param(postId).query(Long.class).single()).isZero();
    }

    private NewChannel channelWithCallback(CallbackReceiver receiver) {
        var brand = channels.createBrand(unique("Brand"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "API", receiver.url(), true);
        receiver.expectingSignatureWith(channel.secret());
        return channel;
    }

    private long customerPost(NewChannel channel, String text) {
        return customerPost(channel, unique("p"), text);
    }

    private long customerPost(NewChannel channel, String externalId, String text) {
        var response = api.deliverPost(channel.channel().id(), channel.secret(), aPost(externalId, text));
        assertThat(response.statusCode()).isEqualTo(201);
        return jdbc.sql("select id from post where channel_id = ? and external_id = ?")
                .params(channel.channel().id(), externalId).query(Long.class).single();
    }

    private DeliveryState state(long replyId) {
        return replies.find(replyId).orElseThrow().delivery().state();
    }
}
