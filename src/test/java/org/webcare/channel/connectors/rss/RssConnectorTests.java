package org.webcare.channel.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webcare.channel.AddressGuard;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.InvalidSettingsException;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReceivedPost;
import org.webcare.shared.Visibility;

class RssConnectorTests {

    private static final Instant NOW = Instant.parse("2025-03-14T10:15:30.5Z");

    private final FeedServer server = new FeedServer();
    private final RssConnector connector = new RssConnector(new AddressGuard("127.0.0.1"), Clock.fixed(NOW, ZoneOffset.UTC));

    RssConnectorTests() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PostSource source(String path) {
        return source(connector, path);
    }

    private PostSource source(RssConnector connector, String path) {
        return connector.open(ConnectorSettings.check(connector.settings(), Map.of("url", server.url(path)))).source().orElseThrow();
    }

    @Test
    void asksConditionallyAndDeliversNothingWhenTheFeedDidNotChange() throws Exception {
        server.publish("<item><title>Eerste</title><guid>1</guid></item>");
        PostSource source = source("/feed.xml");
        PostSource.Poll first = source.poll(null);
        assertThat(first.posts()).hasSize(1);

        PostSource.Poll second = source.poll(first.cursor());
        assertThat(server.requests().getLast().getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.posts()).isEmpty();
        assertThat(second.cursor()).as("a 304 keeps the cursor").isNull();
        assertThat(server.requests().getFirst().getFirst("User-Agent")).startsWith("Webcare/");

        server.publish("<item><title>Tweede</title><guid>2</guid></item>");
        assertThat(source.poll(first.cursor()).posts()).extracting(ReceivedPost::externalId).containsExactly("2");
    }

    @Test
    void turnsHtmlTitlesRelativeLinksAndMissingDatesIntoAUsablePost() throws Exception {
        server.answer("/blog/feed.xml", FeedServer.Answer.ok("application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Blog &amp;amp; co</title><link>/</link><description>d</description>
                <item>
                  <title>&lt;b&gt;Storing&lt;/b&gt; bij Caf&amp;eacute; &amp;amp; Co</title>
                  <link>posts/42.html</link>
                  <description>&lt;p&gt;Al uren &lt;a href="/x"&gt;geen&lt;/a&gt; internet.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Wie nog meer?&amp;nbsp;&lt;/p&gt;</description>
                </item>
                </channel></rss>
                """));
        ReceivedPost post = source("/blog/feed.xml").poll(null).posts().getFirst();

        assertThat(post.title()).isEqualTo("Storing bij Café & Co");
        assertThat(post.text()).isEqualTo("Storing bij Café & Co\n\nAl uren geen internet.\n\nWie nog meer?");
        assertThat(post.url()).isEqualTo(server.url("/blog/posts/42.html"));
        assertThat(post.externalId()).as("no guid: the link").isEqualTo(server.url("/blog/posts/42.html"));
        assertThat(post.createdAt()).as("no date: the fetch time").isEqualTo(NOW);
        assertThat(post.authorHandle()).as("no author: the feed's host").isEqualTo("127.0.0.1");
        assertThat(post.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(post.toBrand()).isFalse();
    }

    @Test
    void readsAtomWithItsAuthorsAndDatesAndAFeedInAnotherEncoding() throws Exception {
        server.answer("/atom", FeedServer.Answer.ok("application/atom+xml", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Forum</title><id>urn:f</id><updated>2025-03-01T00:00:00Z</updated>
                <entry><id>tag:forum,2025:7</id><title type="text">a &lt; b</title><author><name>Anne</name></author>
                <published>2025-03-02T08:00:00+01:00</published><link href="https://forum.example/t/7"/>
                <content type="html">&lt;p&gt;Hallo&lt;br&gt;wereld&lt;/p&gt;</content></entry></feed>
                """));
        ReceivedPost atom = source("/atom").poll(null).posts().getFirst();
        assertThat(atom.externalId()).isEqualTo("tag:forum,2025:7");
        assertThat(atom.title()).isEqualTo("a < b");
        assertThat(atom.authorHandle()).isEqualTo("Anne");
        assertThat(atom.createdAt()).isEqualTo(Instant.parse("2025-03-02T07:00:00Z"));
        assertThat(atom.text()).isEqualTo("a < b\n\nHallo\nwereld");

        byte[] latin = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Geen café</title><guid>x</guid></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);
        server.answer("/latin", new FeedServer.Answer(200, Map.of("Content-Type", "text/xml"), latin));
        assertThat(source("/latin").poll(null).posts().getFirst().title()).isEqualTo("Geen café");
    }

    @Test
    void followsRedirectsButNotIntoThePrivateNetwork() throws Exception {
        server.publish("<item><title>Eerste</title><guid>1</guid></item>");
        server.answer("/old", FeedServer.Answer.redirect(301, "/feed.xml"));
        assertThat(source("/old").poll(null).posts()).hasSize(1);

        server.answer("/sneaky", FeedServer.Answer.redirect(302, "http://169.254.169.254/latest/meta-data/"));
        assertThatThrownBy(() -> source("/sneaky").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("169.254.169.254").hasMessageContaining("WEBCARE_FETCH_ALLOW");
        server.answer("/sneaky6", FeedServer.Answer.redirect(307, "http://[::ffff:10.0.0.1]/feed"));
        assertThatThrownBy(() -> source("/sneaky6").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("10.0.0.1, a private address");

        server.answer("/loop", FeedServer.Answer.redirect(302, "/loop"));
        assertThatThrownBy(() -> source("/loop").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("redirects more than 5 times");
    }

    @Test
    void refusesTheFeedItselfWhenItIsInternalAndNotAllowed() {
        RssConnector strict = new RssConnector(AddressGuard.strict());
        assertThatThrownBy(() -> source(strict, "/feed.xml").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("'127.0.0.1' resolves to 127.0.0.1, a loopback");
    }

    @Test
    void stopsReadingPastTheSizeCapAlsoWhenCompressed() throws Exception {
        RssConnector small = new RssConnector(new AddressGuard("127.0.0.1"),
                new FeedFetcher.Limits(64 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), Clock.systemUTC());
        String big = "<rss version=\"2.0\"><channel><title>t</title><description>" + " ".repeat(200 * 1024) + "</description></channel></rss>";
        server.answer("/big", FeedServer.Answer.ok("application/rss+xml", big));
        assertThatThrownBy(() -> source(small, "/big").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("larger than 64 KiB");

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(big.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(zipped.size()).isLessThan(64 * 1024);
        server.answer("/bomb", new FeedServer.Answer(200, Map.of("Content-Encoding", "gzip"), zipped.toByteArray()));
        assertThatThrownBy(() -> source(small, "/bomb").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("larger than 64 KiB");
    }

    @Test
    void tellsGoneFromBusy() {
        assertThatThrownBy(() -> source("/missing").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("404");
        server.answer("/limited", new FeedServer.Answer(429, Map.of("Retry-After", "120"), new byte[0]));
        assertThatThrownBy(() -> source("/limited").poll(null)).isInstanceOfSatisfying(ConnectorException.Transient.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
        server.answer("/page", FeedServer.Answer.ok("text/html", "<html><body><p>Welkom</p></body></html>"));
        assertThatThrownBy(() -> source("/page").poll(null)).isInstanceOf(ConnectorException.Permanent.class)
                .hasMessageContaining("is not an RSS or Atom feed");
        assertThatThrownBy(() -> new RssConnector(AddressGuard.strict()).open(ConnectorSettings.check(connector.settings(),
                Map.of("url", "http://127.0.0.1:1/feed.xml"))).source().orElseThrow().poll(null))
                .isInstanceOf(ConnectorException.Permanent.class);
        RssConnector open = new RssConnector(new AddressGuard("127.0.0.1"));
        assertThatThrownBy(() -> open.open(ConnectorSettings.check(open.settings(), Map.of("url", "http://127.0.0.1:1/feed.xml")))
                .source().orElseThrow().poll(null)).isInstanceOf(ConnectorException.Transient.class);
    }

    @Test
    void refusesTooShortIntervalsAndTooManyItems() {
        assertThatThrownBy(() -> connector.open(ConnectorSettings.check(connector.settings(),
                Map.of("url", "https://blog.example/feed", "interval", "10s"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.interval:");
        assertThatThrownBy(() -> connector.open(ConnectorSettings.check(connector.settings(),
                Map.of("url", "https://blog.example/feed", "maxItems", "0"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("settings.maxItems:");
        assertThat(connector.open(ConnectorSettings.check(connector.settings(), Map.of("url", "https://blog.example/feed")))
                .source().orElseThrow().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(connector.open(ConnectorSettings.check(connector.settings(), Map.of("url", "https://blog.example/feed")))
                .replies()).isEmpty();
    }

    @Test
    void keepsItsCursorBoundedWhileRememberingEveryItemStillInTheFeed() {
        List<String> many = java.util.stream.IntStream.range(0, 30_000).mapToObj(i -> RssCursor.key("id-" + i)).toList();
        RssCursor cursor = RssCursor.START.after("e", null, many.subList(0, 600));
        assertThat(cursor.seen()).hasSize(600);
        cursor = cursor.after("e2", null, many.subList(600, 700));
        assertThat(cursor.seen()).as("the feed's 100, then the newest of the others").hasSize(500)
                .startsWith(many.get(600)).contains(many.get(0)).doesNotContain(many.get(599));
        cursor = cursor.after("e3", null, many.subList(10_000, 30_000));
        assertThat(cursor.seen()).hasSize(RssCursor.MAX_SEEN);
        assertThat(RssCursor.read(cursor.write())).isEqualTo(cursor);
        assertThat(RssCursor.read("{broken")).isEqualTo(RssCursor.START);
    }
}
