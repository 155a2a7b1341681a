package org.webcare.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webcare.support.ApiClient.aPost;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

class ApiChannelIntegrationTests extends IntegrationTest {

    private ApiClient api;
    private NewChannel channel;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        channel = anApiChannel("http://127.0.0.1:9/unused");
    }

    @Test
    void storesASignedPostAndAnswersWithItsId() {
        HttpResponse<String> response = api.deliverPost(channel.channel().id(), channel.secret(), aPost("m-1", "Mijn internet doet het niet"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"duplicate\":false");
        assertThat(postTexts()).containsExactly("Mijn internet doet het niet");
    }

    @org.springframework.beans.factory.annotation.Autowired
    ConnectorChannels connectorChannels;

    @Test
    void showsTheWebhooksHealthToAdmins() {
        api.deliverPost(channel.channel().id(), channel.secret(), aPost("m-h1", "Eerste"));
        api.deliverPost(channel.channel().id(), "not-the-secret", aPost("m-h2", "Vervalst"));

        SourceHealth health = connectorChannels.health().stream().filter(h -> h.channelId() == channel.channel().id())
                .findFirst().orElseThrow();
        assertThat(health.postsToday()).isEqualTo(1);
        assertThat(health.lastSuccessAt()).isNotNull();
        assertThat(health.lastError()).contains("Signature in X-Webcare-Signature does not match the body");
        assertThat(health.nextPollAt()).as("pushed, never polled").isNull();
    }

    @Test
    void storesThePostOnceWhenItArrivesTwice() {
        HttpResponse<String> first = api.deliverPost(channel.channel().id(), channel.secret(), aPost("m-dup", "Hallo?"));
        HttpResponse<String> second = api.deliverPost(channel.channel().id(), channel.secret(), aPost("m-dup", "Hallo?"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"duplicate\":true");
        assertThat(postTexts()).hasSize(1);
    }

    @Test
    void refusesAWrongSignatureAndStoresNothing() {
        HttpResponse<String> response = api.deliverPost(channel.channel().id(), "not-the-secret", aPost("m-2", "Hack"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Signature in X-Webcare-Signature does not match the body");
        assertThat(postTexts()).isEmpty();
    }

    @Test
    void refusesAPostWithoutSignature() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/channels/" + channel.channel().id() + "/posts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(aPost("m-3", "Hallo"))).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Missing X-Webcare-Signature header");
    }

    @Test
    void namesTheMissingField() {
        HttpResponse<String> response = api.deliverPost(channel.channel().id(), channel.secret(),
                "{\"externalId\":\"m-4\",\"authorHandle\":\"@a\",\"createdAt\":\"2026-11-20T10:00:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"text\"").contains("text: is required");
        assertThat(postTexts()).isEmpty();
    }

    @Test
    void explainsMalformedJsonAndBadDates() {
        HttpResponse<String> malformed = api.deliverPost(channel.channel().id(), channel.secret(), "{\"externalId\": ");
        HttpResponse<String> badDate = api.deliverPost(channel.channel().id(), channel.secret(),
                "{\"externalId\":\"m-5\",\"authorHandle\":\"@a\",\"text\":\"x\",\"createdAt\":\"yesterday\"}");
        HttpResponse<String> badVisibility = api.deliverPost(channel.channel().id(), channel.secret(),
                "{\"externalId\":\"m-6\",\"authorHandle\":\"@a\",\"text\":\"x\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"visibility\":\"secret\"}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("is not valid JSON");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("createdAt: must be an ISO-8601 date-time").contains("'yesterday'");
        HttpResponse<String> badUrl = api.deliverPost(channel.channel().id(), channel.secret(),
                "{\"externalId\":\"m-8\",\"authorHandle\":\"@a\",\"text\":\"x\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"url\":\"javascript:alert(1)\"}");

        assertThat(badVisibility.statusCode()).isEqualTo(400);
        assertThat(badVisibility.body()).contains("\"field\":\"visibility\"");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("\"field\":\"url\"").contains("must be an http or https URL");
        assertThat(postTexts()).isEmpty();
    }

    @Test
    void refusesAnOversizedBody() {
        String huge = aPost("m-7", "x".repeat(9_000));

        HttpResponse<String> response = api.deliverPost(channel.channel().id(), channel.secret(), huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit of 8192 bytes");
        assertThat(postTexts()).isEmpty();
    }

    @Test
    void answersNotFoundForAnUnknownChannel() {
        HttpResponse<String> response = api.deliverPost(987_654_321L, channel.secret(), aPost("m-8", "x"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void storesHtmlAsPlainTextWithoutScripts() {
        api.deliverPost(channel.channel().id(), channel.secret(),
                aPost("m-9", "<p>Mijn <b>factuur</b> klopt niet &amp; niemand belt terug</p><script>alert('x')</script><img src=x onerror=alert(1)>"));

        assertThat(postTexts()).containsExactly("Mijn factuur klopt niet & niemand belt terug");
    }

    @Test
    void threadsAReplyOntoThePostItAnswersEvenWhenItArrivesFirst() {
        long id = channel.channel().id();
        api.deliverPost(id, channel.secret(), aPost("child", "Nog steeds geen reactie", "root"));
        api.deliverPost(id, channel.secret(), aPost("grandchild", "Hallo??", "child"));
        api.deliverPost(id, channel.secret(), aPost("root", "Mijn pakket is kwijt"));

        var threads = jdbc.sql("select distinct thread_id from post where channel_id = ?").param(id).query(Long.class).list();
        var rootId = jdbc.sql("select id from post where channel_id = ? and external_id = 'root'").param(id).query(Long.class).single();
        assertThat(threads).containsExactly(rootId);
    }

    private java.util.List<String> postTexts() {
        return jdbc.sql("select text from post where channel_id = ? order by id").param(channel.channel().id())
                .query(String.class).list();
    }
}
