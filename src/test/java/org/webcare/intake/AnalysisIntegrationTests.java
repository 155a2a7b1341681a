package org.webcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Inbox;
import org.webcare.cases.InboxFilter;
import org.webcare.cases.InboxItem;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.Intent;
import org.webcare.shared.SentimentLabel;
import org.webcare.support.ApiClient;
import org.webcare.support.IntegrationTest;

class AnalysisIntegrationTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Inbox inbox;

    private ApiClient api;
    private NewChannel channel;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        var brand = channels.createBrand(unique("Energie"), List.of("@" + unique("Stroom").replace("-", "")));
        channel = channels.createChannel(brand.id(), ChannelType.API, "X", "http://127.0.0.1:9/x", true);
    }

    private Post deliver(String externalId, String text, String extra) {
        String body = "{\"externalId\":\"" + externalId + "\",\"authorHandle\":\"@klant\",\"text\":" + ApiClient.quote(text)
                + ",\"createdAt\":\"" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"" + extra + "}";
        var response = api.deliverPost(channel.channel().id(), channel.secret(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = Long.parseLong(response.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        return posts.find(id).orElseThrow();
    }

    private String handle() {
        return channels.brand(channel.channel().brandId()).orElseThrow().handles().getFirst();
    }

    @Test
    void storesEveryPostWithItsAnalysis() {
        Post post = deliver("a1", handle() + " al 2 dagen geen stroom en niemand neemt op!! Belachelijk", ",\"authorFollowers\":25000");

        assertThat(post.analysis().language().code()).isEqualTo("nl");
        assertThat(post.analysis().sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(post.analysis().intents()).contains(Intent.COMPLAINT, Intent.URGENT);
        assertThat(post.analysis().addressed()).isTrue();
        assertThat(post.analysis().reach()).isPositive();
    }

    @Test
    void marksPostsAsOverheardUnlessTheyMentionReplyToOrPrivatelyMessageTheBrand() {
        assertThat(deliver("b1", "Iemand ervaring met deze energieleverancier?", "").analysis().addressed()).isFalse();
        assertThat(deliver("b2", "Nog even over mijn factuur", ",\"toBrand\":true").analysis().addressed()).isTrue();
        assertThat(deliver("b3", "Hier mijn klantnummer", ",\"visibility\":\"private\"").analysis().addressed()).isTrue();
    }

    @Test
    void filtersTheInboxBySentimentAndIntent() {
        deliver("c1", "Top geholpen, dank jullie wel!", "");
        deliver("c2", "Ik wil mijn contract opzeggen", "");
        long channelId = channel.channel().id();

        List<InboxItem> positive = inbox.latest(new InboxFilter(null, channelId, SentimentLabel.POSITIVE, null, null, 50));
        List<InboxItem> cancelling = inbox.latest(new InboxFilter(null, channelId, null, Intent.CANCEL, null, 50));

        assertThat(positive).extracting(InboxItem::text).containsExactly("Top geholpen, dank jullie wel!");
        assertThat(cancelling).extracting(InboxItem::text).containsExactly("Ik wil mijn contract opzeggen");
    }

    @Test
    void keepsAgentsCorrectionsAndShowsThem() {
        Post post = deliver("d1", "Nou lekker dan, weer geen trein", "");
        WebcareUser agent = anAgent("long-enough-password");

        var response = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/posts/" + post.id() + "/analysis"))
                .header("Authorization", "Bearer " + tokenFor(agent)).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"sentiment\":\"negative\",\"intents\":[\"complaint\"]}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        Post corrected = posts.find(post.id()).orElseThrow();
        assertThat(corrected.analysis().sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(corrected.analysis().intents()).containsExactly(Intent.COMPLAINT);
        assertThat(jdbc.sql("select count(*) from analysis_correction where post_id = ? and user_id = ?")
                .params(post.id(), agent.id()).query(Long.class).single()).isBetween(1L, 2L);
    }

    @Test
    void refusesAnUnknownSentimentInACorrection() {
        Post post = deliver("e1", "Hallo", "");

        var response = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/posts/" + post.id() + "/analysis"))
                .header("Authorization", "Bearer " + tokenFor(anAgent("long-enough-password"))).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"sentiment\":\"furious\"}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("sentiment: must be negative, neutral or positive");
    }
}
