package org.webcare.channel.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.InvalidSettingsException;
import org.webcare.channel.OutboundGuard;
import org.webcare.channel.OutgoingReply;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReceivedPost;
import org.webcare.channel.ReplyTarget;
import org.webcare.shared.Visibility;

import tools.jackson.databind.JsonNode;

class MastodonConnectorTests {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");

    private MastodonStub mastodon;
    private final List<URI> guarded = new CopyOnWriteArrayList<>();
    private OutboundGuard guard = guarded::add;

    @BeforeEach
    void startInstance() throws Exception {
        mastodon = new MastodonStub();
    }

    @AfterEach
    void stopInstance() {
        mastodon.close();
    }

    @Test
    void readsEveryNewMentionOverThreePagesOnceEachFollowingTheLinks() throws Exception {
        mastodon.largestPage = 2;
        mastodon.mention("klant", "<p>eerste</p>", "public");
        PostSource source = open().source().orElseThrow();
        String cursor = source.poll(null).cursor();

        for (int i = 1; i <= 6; i++) {
            mastodon.mention("klant" + i, "<p>nieuw " + i + "</p>", "public");
        }
        mastodon.favourite("fan");
        int before = mastodon.requests().size();
        PostSource.Poll poll = source.poll(cursor);

        assertThat(poll.posts()).extracting(ReceivedPost::text)
                .containsExactly("nieuw 1", "nieuw 2", "nieuw 3", "nieuw 4", "nieuw 5", "nieuw 6");
        List<MastodonStub.Request> pages = mastodon.requests().subList(before, mastodon.requests().size());
        assertThat(pages).as("three pages, each asked after the newest id of the one before (its rel=prev link)")
                .hasSize(MastodonSource.PAGES_PER_POLL)
                .allSatisfy(request -> assertThat(request.query()).containsEntry("types[]", "mention").containsKey("min_id"));
        assertThat(poll.more()).as("a poll reads at most three pages; the runtime asks again at once").isTrue();

        PostSource.Poll rest = source.poll(poll.cursor());
        assertThat(rest.posts()).as("the favourite is no mention").isEmpty();
        assertThat(rest.more()).isFalse();
        assertThat(source.poll(rest.cursor()).posts()).isEmpty();
    }

    @Test
    void followsThePrevLinkOfEachPage() throws Exception {
        mastodon.largestPage = 2;
        mastodon.mention("klant", "<p>eerste</p>", "public");
        PostSource source = open().source().orElseThrow();
        String cursor = source.poll(null).cursor();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ids.add(mastodon.mention("klant", "<p>nieuw " + i + "</p>", "public").get("id").stringValue());
        }
        int before = mastodon.requests().size();

        source.poll(cursor);

        List<MastodonStub.Request> pages = mastodon.requests().subList(before, mastodon.requests().size());
        List<String> minIds = pages.stream().map(request -> request.query().get("min_id")).toList();
        // Notification ids, not status ids: the second page starts after the first page's newest notification.
        assertThat(minIds).hasSize(3).doesNotHaveDuplicates();
        assertThat(Long.parseLong(minIds.get(1))).isEqualTo(Long.parseLong(minIds.get(0)) + 2);
        assertThat(pages.getFirst().query()).containsEntry("limit", "40");
        assertThat(pages.subList(1, 3)).as("the stub's rel=prev links carry no limit; the connector's own addresses do")
                .allSatisfy(request -> assertThat(request.query()).doesNotContainKey("limit").containsEntry("types[]", "mention"));
        assertThat(ids).hasSize(4);
    }

    @Test
    void firstPollReadsOnlyTheNewestPage() throws Exception {
        mastodon.largestPage = 2;
        for (int i = 1; i <= 5; i++) {
            mastodon.mention("klant", "<p>oud " + i + "</p>", "public");
        }

        PostSource.Poll poll = open().source().orElseThrow().poll(null);

        assertThat(poll.posts()).extracting(ReceivedPost::text).containsExactly("oud 4", "oud 5");
        assertThat(poll.more()).isFalse();
        assertThat(poll.cursor()).startsWith("mention:");
    }

    @Test
    void readsTheDocumentedStatusIncludingItsMalformedHtml() throws Exception {
        JsonNode status = MastodonStub.fixture("status.json");

        ReceivedPost post = Statuses.toPost(status, true);

        assertThat(post.externalId()).isEqualTo("103270115826048975");
        assertThat(post.authorHandle()).isEqualTo("@Gargron");
        assertThat(post.authorName()).isEqualTo("Eugen");
        assertThat(post.authorFollowers()).isEqualTo(322930L);
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2019-12-08T03:48:33.901Z"));
        assertThat(post.url()).isEqualTo("https://mastodon.social/@Gargron/103270115826048975");
        assertThat(post.inReplyTo()).isNull();
        assertThat(post.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(post.toBrand()).isTrue();
        assertThat(post.title()).isNull();
        assertThat(post.text()).isEqualTo("\"I lost my inheritance with one wrong digit on my sort code\"\n\n"
                + "https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code");
    }

    @Test
    void keepsLineBreaksAndParagraphsAndSurvivesBrokenMarkup() {
        assertThat(Statuses.plainText("<p>Hoi <span class=\"h-card\"><a href=\"https://x/@brand\" class=\"u-url mention\">"
                + "@<span>brand</span></a></span>,<br>mijn factuur klopt niet.<br />Groet</p><p>Piet &amp; co</p>"))
                .isEqualTo("Hoi @brand,\nmijn factuur klopt niet.\nGroet\n\nPiet & co");
        // As in a browser, a broken end tag swallows what follows up to the next '>'.
        assertThat(Statuses.plainText("<p>open <b>tags <i>everywhere</p><p>and </span} a stray</div> end")).isEqualTo(
                "open tags everywhere\n\nand  end");
        assertThat(Statuses.plainText("<<<>>> &nbsp; <p")).isNotNull();
        assertThat(Statuses.plainText(null)).isEmpty();
    }

    @Test
    void readsAMentionsFieldsFromTheNotification() throws Exception {
        mastodon.mention("klant@andere.social", "<p>@polderstroom storing?</p>", "public");

        ReceivedPost post = open().source().orElseThrow().poll(null).posts().getFirst();

        assertThat(post.authorHandle()).as("remote accounts keep their instance").isEqualTo("@klant@andere.social");
        assertThat(post.authorName()).isEqualTo("Klant klant@andere.social");
        assertThat(post.authorFollowers()).isEqualTo(120L);
        assertThat(post.text()).isEqualTo("@polderstroom storing?");
        assertThat(post.toBrand()).isTrue();
        assertThat(post.url()).startsWith(mastodon.url() + "/@klant@andere.social/");
    }

    @Test
    void aDirectMessageIsPrivateAndIsAnsweredDirectlyMentioningTheCustomer() throws Exception {
        String id = mastodon.mention("klant@andere.social", "<p>@polderstroom mijn klantnummer is 12345</p>", "direct")
                .get("id").stringValue();
        ChannelConnector.Connection connection = open();

        ReceivedPost post = connection.source().orElseThrow().poll(null).posts().getFirst();
        assertThat(post.visibility()).isEqualTo(Visibility.PRIVATE);

        connection.replies().orElseThrow().send(new OutgoingReply("reply-7", id, post.authorHandle(), Visibility.PRIVATE,
                "We hebben je nummer gevonden.", "Anne", null));

        MastodonStub.Request sent = mastodon.posted().getFirst();
        assertThat(sent.body().get("visibility").stringValue()).isEqualTo("direct");
        assertThat(sent.body().get("in_reply_to_id").stringValue()).isEqualTo(id);
        assertThat(sent.body().get("status").stringValue()).isEqualTo("@klant@andere.social We hebben je nummer gevonden.");
        assertThat(sent.headers()).containsEntry("idempotency-key", "reply-7")
                .containsEntry("authorization", "Bearer " + MastodonStub.TOKEN);
    }

    @Test
    void aPublicReplyThatMentionsTheCustomerAlreadyIsSentAsWritten() throws Exception {
        ReplyTarget replies = open().replies().orElseThrow();

        replies.send(new OutgoingReply("k1", "42", "@klant", Visibility.PUBLIC, "Hoi @Klant, we kijken ernaar.", "Anne", null));
        replies.send(new OutgoingReply("k2", "42", "klant", Visibility.PUBLIC, "Opgelost @klant.", "Anne", null));
        replies.send(new OutgoingReply("k3", "42", "@klant", Visibility.PUBLIC, "Zie @klant@elders.nl", "Anne", null));

        assertThat(mastodon.posted()).extracting(request -> request.body().get("status").stringValue())
                .containsExactly("Hoi @Klant, we kijken ernaar.", "Opgelost @klant.", "@klant Zie @klant@elders.nl");
        assertThat(mastodon.posted()).allSatisfy(request ->
                assertThat(request.body().get("visibility").stringValue()).isEqualTo("public"));
    }

    @Test
    void sendsTheIdempotencyKeySoARetriedReplyIsPostedOnce() throws Exception {
        ReplyTarget replies = open().replies().orElseThrow();
        OutgoingReply reply = new OutgoingReply("outbox-99", "42", "@klant", Visibility.PUBLIC, "Dank je!", "Anne", null);

        replies.send(reply);
        replies.send(reply);

        assertThat(mastodon.requests()).filteredOn(request -> request.method().equals("POST")).hasSize(2)
                .allSatisfy(request -> assertThat(request.headers()).containsEntry("idempotency-key", "outbox-99"));
        assertThat(mastodon.posted()).hasSize(1);
    }

    @Test
    void takesTheCharacterLimitFromTheInstanceOnce() throws Exception {
        mastodon.maxCharactersV2 = 100;
        ReplyTarget replies = open().replies().orElseThrow();

        assertThat(replies.maxLength()).isEqualTo(100);
        assertThat(replies.maxLength()).isEqualTo(100);
        assertThat(mastodon.requests()).filteredOn(request -> request.path().contains("/instance")).hasSize(1);

        String longText = "x".repeat(95);
        assertThatThrownBy(() -> replies.send(new OutgoingReply("k", "42", "@klant", Visibility.PUBLIC, longText, "Anne", null)))
                .isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("102 characters").hasMessageContaining("at most 100");
        assertThat(mastodon.posted()).isEmpty();
    }

    @Test
    void readsTheLimitFromTheFirstInstanceEndpointOnOlderInstancesAndDefaultsTo500() throws Exception {
        mastodon.maxCharactersV2 = null;
        mastodon.maxCharactersV1 = 1000;
        assertThat(open().replies().orElseThrow().maxLength()).isEqualTo(1000);

        mastodon.maxCharactersV1 = null;
        assertThat(open().replies().orElseThrow().maxLength()).isEqualTo(MastodonReplies.DEFAULT_MAX_CHARACTERS);
    }

    @Test
    void aRateLimitIsTransientAndSaysWhenToTryAgain() throws Exception {
        mastodon.failure = MastodonStub.Failure.RATE_LIMITED;
        mastodon.rateLimitReset = NOW.plusSeconds(90);
        PostSource source = open().source().orElseThrow();

        assertThatThrownBy(() -> source.poll(null)).isInstanceOfSatisfying(ConnectorException.Transient.class, e -> {
            assertThat(e.retryAfter()).as("from X-RateLimit-Reset").isEqualTo(Duration.ofSeconds(90));
            assertThat(e.getMessage()).contains("rate-limited").contains("Too many requests");
        });

        mastodon.retryAfter = "30";
        assertThatThrownBy(() -> source.poll(null)).isInstanceOfSatisfying(ConnectorException.Transient.class,
                e -> assertThat(e.retryAfter()).as("Retry-After first").isEqualTo(Duration.ofSeconds(30)));

        ReplyTarget replies = open().replies().orElseThrow();
        assertThatThrownBy(() -> replies.send(new OutgoingReply("k", "42", "@klant", Visibility.PUBLIC, "Hoi", "Anne", null)))
                .isInstanceOf(ConnectorException.Transient.class);
    }

    @Test
    void anInvalidTokenIsPermanentAndNamesTheScopes() throws Exception {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("accessToken", "revoked");
        ChannelConnector.Connection connection = open(settings);

        assertThatThrownBy(() -> connection.source().orElseThrow().poll(null))
                .isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("The access token is invalid")
                .hasMessageContaining("read:notifications")
                .hasMessageNotContaining("revoked");
        assertThatThrownBy(() -> connection.replies().orElseThrow()
                .send(new OutgoingReply("k", "42", "@klant", Visibility.PUBLIC, "Hoi", "Anne", null)))
                .isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("write:statuses");
    }

    @Test
    void serverErrorsTimeOutsAndRefusedConnectionsAreTransient() throws Exception {
        mastodon.failure = MastodonStub.Failure.UNAVAILABLE;
        assertThatThrownBy(() -> open().source().orElseThrow().poll(null))
                .isInstanceOf(ConnectorException.Transient.class).hasMessageContaining("HTTP 503");

        mastodon.failure = MastodonStub.Failure.SLOW;
        ChannelConnector impatient = new MastodonConnector(guard, Duration.ofMillis(300), Clock.systemUTC());
        assertThatThrownBy(() -> impatient.open(ConnectorSettings.check(impatient.settings(), settings())).source().orElseThrow().poll(null))
                .isInstanceOf(ConnectorException.Transient.class).hasMessageContaining("did not answer");

        PostSource source = open().source().orElseThrow();
        mastodon.close();
        assertThatThrownBy(() -> source.poll(null)).isInstanceOf(ConnectorException.Transient.class);
    }

    @Test
    void somethingThatIsNoMastodonInstanceIsPermanent() throws Exception {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("instance", mastodon.url() + "/not-here");

        assertThatThrownBy(() -> open(settings).source().orElseThrow().poll(null))
                .isInstanceOf(ConnectorException.Permanent.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("Mastodon instance");
    }

    @Test
    void asksTheGuardBeforeEveryRequestAndStopsWhenItRefuses() throws Exception {
        mastodon.mention("klant", "<p>hoi</p>", "public");
        ChannelConnector.Connection connection = open();
        connection.source().orElseThrow().poll(null);
        connection.replies().orElseThrow().send(new OutgoingReply("k", "42", "@klant", Visibility.PUBLIC, "Hoi", "Anne", null));

        assertThat(guarded).extracting(URI::getPath)
                .containsExactly("/api/v1/notifications", "/api/v2/instance", "/api/v1/statuses");

        guard = target -> {
            throw new ConnectorException.Permanent(target.getHost() + " is a loopback address");
        };
        int before = mastodon.requests().size();
        assertThatThrownBy(() -> open().source().orElseThrow().poll(null))
                .isInstanceOf(ConnectorException.Permanent.class).hasMessageContaining("loopback");
        assertThat(mastodon.requests()).hasSize(before);
    }

    @Test
    void listensToAHashtagTimeline() throws Exception {
        mastodon.tagged("webcare", "iemand", "<p>Wie kent <a href=\"https://x/tags/webcare\" class=\"mention hashtag\">#<span>webcare</span></a>?</p>");
        mastodon.tagged("anders", "iemand", "<p>niet dit</p>");
        mastodon.mention("klant", "<p>ook niet dit</p>", "public");
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("mode", "hashtag");
        settings.put("hashtag", "#WebCare");
        PostSource source = open(settings).source().orElseThrow();

        PostSource.Poll first = source.poll(null);
        assertThat(first.posts()).singleElement().satisfies(post -> {
            assertThat(post.text()).isEqualTo("Wie kent #webcare?");
            assertThat(post.toBrand()).as("overheard, not addressed").isFalse();
            assertThat(post.authorHandle()).isEqualTo("@iemand");
        });
        assertThat(first.cursor()).startsWith("tag:webcare:");

        mastodon.tagged("webcare", "tweede", "<p>#webcare opnieuw</p>");
        PostSource.Poll second = source.poll(first.cursor());
        assertThat(second.posts()).extracting(ReceivedPost::authorHandle).containsExactly("@tweede");
        assertThat(mastodon.requests().getLast().path()).isEqualTo("/api/v1/timelines/tag/WebCare");
        assertThat(mastodon.requests().getLast().query()).containsKey("min_id");

        assertThat(open().source().orElseThrow().poll(second.cursor()).posts())
                .as("a cursor of the hashtag is not taken for the mentions: they start afresh")
                .extracting(ReceivedPost::text).containsExactly("ook niet dit");
    }

    @Test
    void refusesWrongSettingsNamingThem() {
        ChannelConnector connector = connector();
        assertThatThrownBy(() -> open(with("mode", "hashtag")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.hashtag:");
        assertThatThrownBy(() -> open(with("mode", "timeline")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.mode:");
        assertThatThrownBy(() -> open(with("hashtag", "webcare")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.hashtag:");
        Map<String, String> spaced = with("mode", "hashtag");
        spaced.put("hashtag", "web care");
        assertThatThrownBy(() -> open(spaced))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.hashtag:");
        assertThatThrownBy(() -> open(with("instance", "https://mastodon.social/?x=1")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.instance:");
        assertThatThrownBy(() -> open(with("instance", "ftp://mastodon.social")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.instance:");
        assertThatThrownBy(() -> open(with("interval", "PT1S")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.interval:");
        assertThat(connector.settings()).filteredOn(setting -> setting.key().equals("accessToken"))
                .singleElement().satisfies(setting -> assertThat(setting.kind()).hasToString("SECRET"));
        assertThat(open(with("instance", "https://Mastodon.Social/")).source().orElseThrow().interval())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusesToSendTheTokenToAnotherHost() throws Exception {
        MastodonClient client = new MastodonClient(java.net.http.HttpClient.newHttpClient(), Duration.ofSeconds(1), guard,
                Clock.systemUTC(), URI.create(mastodon.url()), MastodonStub.TOKEN);

        assertThat(client.isOnInstance(URI.create(mastodon.url() + "/api/v1/notifications?min_id=1"))).isTrue();
        assertThat(client.isOnInstance(URI.create("https://elsewhere.example/api/v1/notifications"))).isFalse();
        assertThatThrownBy(() -> client.get(URI.create("http://elsewhere.example/api/v1/x"), new MastodonClient.Purpose("testing", "read", "")))
                .isInstanceOf(ConnectorException.Permanent.class);
        assertThat(guarded).isEmpty();
    }

    @Test
    void readsLinkHeaders() {
        assertThat(MastodonClient.links(List.of("<https://m.example/api/v1/notifications?max_id=34975535>; rel=\"next\", "
                + "<https://m.example/api/v1/notifications?min_id=34975861>; rel=\"prev\"")))
                .containsEntry("next", URI.create("https://m.example/api/v1/notifications?max_id=34975535"))
                .containsEntry("prev", URI.create("https://m.example/api/v1/notifications?min_id=34975861"));
        assertThat(MastodonClient.links(List.of("garbage", "<not a uri>; rel=prev"))).isEmpty();
    }

    @Test
    void ordersIdsAsNumbers() {
        assertThat(MastodonSource.ID_ORDER.compare("99", "100")).isNegative();
        assertThat(MastodonSource.ID_ORDER.compare("103270115826048976", "103270115826048975")).isPositive();
        assertThat(MastodonSource.ID_ORDER.compare("abc", "abd")).isNegative();
    }

    private ChannelConnector connector() {
        return new MastodonConnector(target -> guard.check(target), Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Map<String, String> settings() {
        return Map.of("instance", mastodon.url(), "accessToken", MastodonStub.TOKEN);
    }

    private Map<String, String> with(String key, String value) {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put(key, value);
        return settings;
    }

    private ChannelConnector.Connection open() {
        return open(settings());
    }

    private ChannelConnector.Connection open(Map<String, String> settings) {
        ChannelConnector connector = connector();
        return connector.open(ConnectorSettings.check(connector.settings(), settings));
    }
}
