package org.webcare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.channel.NewChannel;
import org.webcare.intake.InboundPost;
import org.webcare.intake.Intake;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

/** A public reply with personal data in it is refused before anything is stored or queued; a private one goes out. */
class RepliesPrivacyTests extends IntegrationTest {

    @Autowired
    Intake intake;

    @Autowired
    Replies replies;

    @Test
    void refusesAPublicReplyWithAnIbanAndStoresAndQueuesNothing() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long postId = aPost(channel);
        long messages = outboundMessages(channel);

        assertThatThrownBy(() -> replies.send(postId, "We storten het terug op NL91 ABNA 0417 1643 00.", Visibility.PUBLIC, null, "Anne"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text: 'NL91 ABNA 0417 1643 00' looks like a bank account number (IBAN) and must not be in a public"
                        + " reply; reply privately instead");

        assertThat(repliesTo(postId)).isZero();
        assertThat(outboundMessages(channel)).isEqualTo(messages);
    }

    @Test
    void sendsThePrivateReplyWithTheSameText() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long postId = aPost(channel);

        Reply reply = replies.send(postId, "We storten het terug op NL91 ABNA 0417 1643 00.", Visibility.PRIVATE, null, "Anne");

        assertThat(reply.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(repliesTo(postId)).isOne();
        assertThat(outboundMessages(channel)).isOne();
    }

    @Test
    void sendsAPublicReplyWithToneAndStyleFindingsOnlyAndCountsTheRestOfThePersonalData() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long postId = aPost(channel);

        replies.send(postId, "Wat VERVELEND!! We zoeken het voor je uit.", Visibility.PUBLIC, null, "Anne");
        assertThat(repliesTo(postId)).isOne();

        assertThatThrownBy(() -> replies.send(postId, "Bel 06-12345678 of mail jan@example.nl", Visibility.PUBLIC, null, "Anne"))
                .hasMessageStartingWith("text: '06-12345678' looks like a phone number")
                .hasMessageEndingWith("reply privately instead (and 1 more personal data)");
    }

    @Test
    void theApiAnswers400NamingTheTextField() {
        NewChannel channel = anApiChannel("http://127.0.0.1:9/x");
        long postId = aPost(channel);

        var response = new ApiClient(baseUrl()).postJson("/api/v1/posts/" + postId + "/replies", tokenFor(anAgent("a-long-agent-password")),
                "{\"text\":\"Mail ons op jan@example.nl\",\"visibility\":\"public\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"text\"").contains("is an e-mail address").contains("reply privately");
        assertThat(repliesTo(postId)).isZero();
    }

    private long aPost(NewChannel channel) {
        return intake.accept(new InboundPost(channel.channel().id(), unique("p"), "@klant", null, "Waar blijft mijn geld?",
                Visibility.PUBLIC, Instant.now(), null)).postId();
    }

    private long repliesTo(long postId) {
        return jdbc.sql("select count(*) from reply where post_id = ?").param(postId).query(Long.class).single();
    }

    private long outboundMessages(NewChannel channel) {
        return jdbc.sql("select count(*) from outbound_message where channel_id = ?").param(channel.channel().id())
                .query(Long.class).single();
    }
}
