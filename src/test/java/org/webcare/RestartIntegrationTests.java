package org.webcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.webcare.cases.Replies;
import org.webcare.channel.ChannelType;
import org.webcare.channel.Channels;
import org.webcare.channel.DeliveryState;
import org.webcare.channel.NewChannel;
import org.webcare.identity.Role;
import org.webcare.identity.Users;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;

/** Webcare is stopped while a reply still waits for a receiver that is down, and started again. */
class RestartIntegrationTests {

    @Test
    void aRestartLosesNoPostAndDeliversTheWaitingReplyOnce() {
        try (CallbackReceiver receiver = new CallbackReceiver().failingFirst(1_000, 503)) {
            long postId;
            long replyId;
            try (ConfigurableApplicationContext first = start()) {
                NewChannel channel = first.getBean(Channels.class).createChannel(
                        first.getBean(Channels.class).createBrand("Herstart").id(), ChannelType.API, "API", receiver.url(), true);
                receiver.expectingSignatureWith(channel.secret());
                var response = new ApiClient("http://localhost:" + port(first))
                        .deliverPost(channel.channel().id(), channel.secret(), ApiClient.aPost("before-restart", "Is er een storing?"));
                assertThat(response.statusCode()).isEqualTo(201);
                postId = first.getBean(JdbcClient.class).sql("select id from post where external_id = 'before-restart'")
                        .query(Long.class).single();
                WebcareUser agent = first.getBean(Users.class).create("herstart@example.org", "Rik Herstart", "long-enough-password", Role.AGENT);
                Replies replies = first.getBean(Replies.class);
                replyId = replies.send(postId, "Ja, we werken eraan.", Visibility.PUBLIC, agent.id(), agent.displayName()).id();
                Eventually.within(Duration.ofSeconds(10), "a failed attempt before the restart",
                        () -> replies.find(replyId).orElseThrow().delivery().state() == DeliveryState.RETRYING);
            }
            receiver.failingFirst(0, 503);

            try (ConfigurableApplicationContext second = start()) {
                Replies replies = second.getBean(Replies.class);
                Eventually.within(Duration.ofSeconds(10), "the reply delivered after the restart",
                        () -> replies.find(replyId).orElseThrow().delivery().state() == DeliveryState.SENT);
                assertThat(second.getBean(JdbcClient.class).sql("select text from post where id = ?").param(postId)
                        .query(String.class).single()).isEqualTo("Is er een storing?");
            }
            assertThat(receiver.acceptedByKey().values()).containsExactly(1);
        }
    }

    private static ConfigurableApplicationContext start() {
        // As command-line arguments, these outrank application.properties.
        return new SpringApplicationBuilder(WebcareApplication.class).run(
                "--webcare.db.data-dir=" + IntegrationTest.dataDir(),
                "--webcare.db.shared-embedded=true",
                "--webcare.db.name=restart_check",
                "--server.port=0",
                "--webcare.demo=false",
                "--webcare.outbox.poll-interval=100ms",
                "--webcare.outbox.first-retry-delay=200ms",
                "--webcare.outbox.max-retry-delay=500ms",
                "--webcare.outbox.max-attempts=1000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
