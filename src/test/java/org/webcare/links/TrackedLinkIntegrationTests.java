package org.webcare.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webcare.support.ApiClient.aPost;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.webcare.cases.Replies;
import org.webcare.cases.ReplyTemplates;
import org.webcare.channel.ChannelType;
import org.webcare.channel.NewChannel;
import org.webcare.identity.WebcareUser;
import org.webcare.shared.Visibility;
import org.webcare.support.ApiClient;
import org.webcare.support.CallbackReceiver;
import org.webcare.support.Eventually;
import org.webcare.support.IntegrationTest;

class TrackedLinkIntegrationTests extends IntegrationTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final Pattern SHORT = Pattern.compile("http://localhost:\\d+/l/([A-Za-z0-9]{8})");

    @Autowired
    Replies replies;
    @Autowired
    ReplyTemplates templates;
    @Autowired
    LinkTraffic traffic;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private ApiClient api;
    private WebcareUser agent;
    private WebcareUser lead;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        agent = anAgent("long-enough-password");
        lead = anAdmin("long-enough-password");
    }

    @Test
    void aLinkInAReplyGoesOutShortAndLeadsToTheTargetCountingOnlyPeople() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver);
            long postId = customerPost(channel, "Waar vind ik de storingskaart?");

            var reply = replies.send(postId, "Kijk op https://example.nl/storingen?regio=utrecht. ^AV",
                    Visibility.PUBLIC, agent.id(), agent.displayName());

            Eventually.within(Duration.ofSeconds(10), "reply delivered", () -> !receiver.bodies().isEmpty());
            String sent = receiver.bodies().getFirst();
            Matcher shortLink = SHORT.matcher(sent);
            assertThat(shortLink.find()).as("short link in %s", sent).isTrue();
            assertThat(sent).doesNotContain("example.nl").contains(shortLink.group() + ". ^AV");
            // The conversation keeps the link the agent wrote.
            assertThat(replies.find(reply.id()).orElseThrow().text()).contains("https://example.nl/storingen?regio=utrecht");

            assertThat(follow(shortLink.group(), BROWSER).headers().firstValue("Location"))
                    .contains("https://example.nl/storingen?regio=utrecht");
            follow(shortLink.group(), BROWSER);
            follow(shortLink.group(), "Twitterbot/1.0");
            head(shortLink.group());

            LinkTrafficReport report = traffic.report(today(), today(), channel.channel().brandId(), null, LinkGrouping.BRAND);
            assertThat(report.rows()).singleElement().satisfies(row -> {
                assertThat(row.links()).isEqualTo(1);
                assertThat(row.clicks()).isEqualTo(2);
                assertThat(row.previews()).isEqualTo(1);
            });
            assertThat(report.days()).singleElement().extracting(LinkTrafficReport.Day::clicks).isEqualTo(2L);
        }
    }

    @Test
    void trafficIsCountedPerTemplateWhoseTextHoldsTheLink() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver);
            long brandId = channel.channel().brandId();
            var template = templates.create(brandId, "Storingskaart", "Op https://example.nl/kaart zie je alle storingen.", "nl");
            long first = customerPost(channel, "Storing?");
            long second = customerPost(channel, "Nog een storing?");

            replies.send(first, "Op https://example.nl/kaart zie je alle storingen.", Visibility.PUBLIC, agent.id(), agent.displayName());
            replies.send(second, "Lees https://example.nl/anders", Visibility.PUBLIC, agent.id(), agent.displayName());
            Eventually.within(Duration.ofSeconds(10), "both delivered", () -> receiver.bodies().size() == 2);
            for (String body : receiver.bodies()) {
                Matcher link = SHORT.matcher(body);
                assertThat(link.find()).isTrue();
                follow(link.group(), BROWSER);
            }
            List<String> fromTemplate = receiver.bodies().stream().filter(b -> b.contains("zie je alle storingen")).toList();
            Matcher templated = SHORT.matcher(fromTemplate.getFirst());
            templated.find();
            follow(templated.group(), BROWSER);

            LinkTrafficReport report = traffic.report(today(), today(), brandId, null, LinkGrouping.TEMPLATE);
            assertThat(report.rows()).extracting(LinkTrafficReport.Row::key, LinkTrafficReport.Row::label,
                            LinkTrafficReport.Row::links, LinkTrafficReport.Row::clicks)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Long.toString(template.id()), "Storingskaart", 1L, 2L),
                            org.assertj.core.groups.Tuple.tuple("", "(no template)", 1L, 1L));
            assertThat(traffic.report(today(), today(), brandId, null, LinkGrouping.LINK).rows())
                    .extracting(LinkTrafficReport.Row::label).containsExactly("https://example.nl/kaart", "https://example.nl/anders");
            assertThat(report.total().clicks()).isEqualTo(3);
        }
    }

    @Test
    void linksToWebcareItselfAndTextWithoutLinksGoOutUnchanged() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            NewChannel channel = channelWithCallback(receiver);
            long postId = customerPost(channel, "Hoe vond je ons?");
            String own = baseUrl() + "/s/abc";
            replies.send(postId, "Laat het ons weten: " + own, Visibility.PUBLIC, agent.id(), agent.displayName());
            Eventually.within(Duration.ofSeconds(10), "delivered", () -> !receiver.bodies().isEmpty());
            assertThat(receiver.bodies().getFirst()).contains(own);
            assertThat(jdbc.sql("select count(*) from tracked_link where brand_id = ?").param(channel.channel().brandId())
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void anUnknownCodeIsNotFoundAndNothingIsCounted() throws Exception {
        assertThat(follow(baseUrl() + "/l/ZZZZZZZZ", BROWSER).statusCode()).isEqualTo(404);
        assertThat(follow(baseUrl() + "/l/..%2F..%2Fadmin", BROWSER).statusCode()).isIn(400, 404);
    }

    @Test
    void theReportIsForTeamLeadsAsJsonAndSafeCsv() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            var brand = channels.createBrand(unique("=HYPERLINK(\"http://evil\")"));
            NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "API", receiver.url(), true);
            receiver.expectingSignatureWith(channel.secret());
            long postId = customerPost(channel, "Hallo");
            replies.send(postId, "Zie https://example.nl/x", Visibility.PUBLIC, agent.id(), agent.displayName());
            Eventually.within(Duration.ofSeconds(10), "delivered", () -> !receiver.bodies().isEmpty());

            String query = "/api/v1/reports/links?brand=" + brand.id();
            assertThat(api.get(query, tokenFor(agent)).statusCode()).isEqualTo(403);
            var json = api.get(query, tokenFor(lead));
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).contains("\"links\":1").contains("\"clicks\":0");
            var csv = api.get(query + "&format=csv", tokenFor(lead));
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(csv.body().lines().toList()).hasSize(2);
            assertThat(csv.body().lines().skip(1).findFirst().orElseThrow()).contains(",\"'=HYPERLINK(\"\"http://evil\"\")");
            assertThat(api.get(query + "&by=colour", tokenFor(lead)).body()).contains("by: brand, channel, template or link");
            assertThat(api.get(query + "&from=yesterday", tokenFor(lead)).statusCode()).isEqualTo(400);
        }
    }

    private HttpResponse<String> follow(String url, String userAgent) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", userAgent).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void head(String url) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", BROWSER)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    }

    private NewChannel channelWithCallback(CallbackReceiver receiver) {
        var brand = channels.createBrand(unique("Links"));
        NewChannel channel = channels.createChannel(brand.id(), ChannelType.API, "API", receiver.url(), true);
        receiver.expectingSignatureWith(channel.secret());
        return channel;
    }

    private long customerPost(NewChannel channel, String text) {
        String externalId = unique("p");
        var response = api.deliverPost(channel.channel().id(), channel.secret(), aPost(externalId, text));
        assertThat(response.statusCode()).isEqualTo(201);
        return jdbc.sql("select id from post where channel_id = ? and external_id = ?")
                .params(channel.channel().id(), externalId).query(Long.class).single();
    }
}
