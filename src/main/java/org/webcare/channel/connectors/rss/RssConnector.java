package org.webcare.channel.connectors.rss;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ChannelType;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ConnectorSetting;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.InvalidSettingsException;
import org.webcare.channel.OutboundGuard;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReceivedPost;
import org.webcare.shared.Visibility;

/**
 * The {@code rss} connector: a blog's, news site's or forum's RSS or Atom feed as a listening source. Poll only, no
 * replies; one fetch per poll, conditional on the validators the previous fetch returned. Public only so that
 * {@code SourceCheck} can build one outside Spring.
 */
@Component
public final class RssConnector implements ChannelConnector {

    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_ITEMS = 10_000;
    private static final int MAX_ID_LENGTH = 256;
    private static final int MAX_HANDLE_LENGTH = 256;
    private static final int MAX_TEXT_LENGTH = 60_000;
    // Intake refuses posts dated more than a day ahead; a feed's clock that far off is wrong, not the post.
    private static final Duration MAX_FUTURE = Duration.ofHours(12);

    private final FeedFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final Clock clock;

    @Autowired
    public RssConnector(OutboundGuard guard) {
        this(guard, Clock.systemUTC());
    }

    /** @param clock gives the fetch time, which undated items carry as their date */
    public RssConnector(OutboundGuard guard, Clock clock) {
        this(guard, FeedFetcher.Limits.DEFAULT, clock);
    }

    RssConnector(OutboundGuard guard, FeedFetcher.Limits limits, Clock clock) {
        this.fetcher = new FeedFetcher(guard, limits, clock);
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.RSS;
    }

    @Override
    public List<ConnectorSetting> settings() {
        return List.of(
                ConnectorSetting.required("url", ConnectorSetting.Kind.URL, "address of the RSS or Atom feed"),
                ConnectorSetting.optional("interval", ConnectorSetting.Kind.DURATION, "time between fetches (at least 1 minute)", "PT15M"),
                ConnectorSetting.optional("maxItems", ConnectorSetting.Kind.INTEGER,
                        "most items read from one fetch, the first in the feed (1 to " + MAX_ITEMS + ")", "500"));
    }

    @Override
    public Connection open(ConnectorSettings settings) {
        URI url = settings.url("url").orElseThrow(() -> new InvalidSettingsException("url", "is required"));
        Duration interval = settings.duration("interval").orElse(Duration.ofMinutes(15));
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new InvalidSettingsException("interval", "must be at least 1 minute, got " + interval);
        }
        long maxItems = settings.integer("maxItems").orElse(500L);
        if (maxItems < 1 || maxItems > MAX_ITEMS) {
            throw new InvalidSettingsException("maxItems", "must be between 1 and " + MAX_ITEMS + ", got " + maxItems);
        }
        PostSource source = new PostSource() {
            @Override
            public Poll poll(String cursor) throws ConnectorException {
                return RssConnector.this.poll(url, (int) maxItems, RssCursor.read(cursor));
            }

            @Override
            public Duration interval() {
                return interval;
            }
        };
        return Connection.of(source, null, null);
    }

    private PostSource.Poll poll(URI url, int maxItems, RssCursor cursor) throws ConnectorException {
        Instant fetchedAt = clock.instant();
        FeedFetcher.Fetched fetched = fetcher.fetch(url, cursor.etag(), cursor.lastModified());
        if (fetched.notModified()) {
            return new PostSource.Poll(List.of(), null, false);
        }
        FeedParser.Feed feed = parser.parse(fetched.body(), fetched.contentType(), fetched.uri());
        List<FeedParser.Item> items = feed.items().subList(0, Math.min(maxItems, feed.items().size()));
        Set<String> seen = new HashSet<>(cursor.seen());
        List<String> keys = new ArrayList<>(items.size());
        List<ReceivedPost> posts = new ArrayList<>();
        String host = fetched.uri().getHost();
        for (FeedParser.Item item : items) {
            String key = RssCursor.key(item.id());
            keys.add(key);
            if (seen.add(key)) {
                posts.add(post(item, feed, host, fetchedAt));
            }
        }
        // Feeds list the newest first; the oldest is handed over first so posts are stored in the order they were written.
        java.util.Collections.reverse(posts);
        return new PostSource.Poll(posts, cursor.after(fetched.etag(), fetched.lastModified(), keys).write(), false);
    }

    private ReceivedPost post(FeedParser.Item item, FeedParser.Feed feed, String host, Instant fetchedAt) {
        String id = item.id().length() <= MAX_ID_LENGTH ? item.id() : "sha256:" + FeedParser.sha256(item.id());
        String handle = cut(item.author() == null ? host : item.author(), MAX_HANDLE_LENGTH);
        String name = cut(item.author() == null ? feed.title() : item.author(), MAX_HANDLE_LENGTH);
        String title = item.title();
        String text = title == null ? "" : title;
        if (item.summary() != null && !item.summary().equals(title)) {
            text = text.isEmpty() ? item.summary() : text + "\n\n" + item.summary();
        }
        Instant createdAt = item.published() == null || item.published().isAfter(fetchedAt.plus(MAX_FUTURE)) ? fetchedAt : item.published();
        return new ReceivedPost(id, handle, name, cut(text, MAX_TEXT_LENGTH), Visibility.PUBLIC, createdAt, null, item.link(),
                null, false, title);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }
}
