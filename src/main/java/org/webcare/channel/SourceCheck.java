package org.webcare.channel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.webcare.channel.connectors.rss.RssConnector;

/**
 * What a source would deliver now, without Spring, a database or a cursor: one poll of a freshly opened connection,
 * for {@code webcare source check} and benchmarks. Thread-safe.
 */
public final class SourceCheck {

    private SourceCheck() {
    }

    /**
     * The posts of one poll and the moment of the fetch: items that carry no date of their own are dated then.
     */
    public record Result(Instant fetchedAt, List<ReceivedPost> posts) {

        public Result {
            posts = List.copyOf(posts);
        }

        /** Whether the post carried a date of its own rather than the fetch time. */
        public boolean dated(ReceivedPost post) {
            return !post.createdAt().equals(fetchedAt);
        }
    }

    /**
     * @param allow the address guard's allow-list, as in {@code WEBCARE_FETCH_ALLOW}
     * @throws InvalidSettingsException when a setting is missing or wrong
     * @throws IllegalArgumentException when the allow-list has an invalid entry, or the type has no source
     * @throws ConnectorException when the source refuses, fails or is no source of this type
     */
    public static Result check(ChannelType type, Map<String, String> settings, String allow) throws ConnectorException {
        // One odd nanosecond, which no feed's date (whole seconds or milliseconds) can equal.
        Instant now = Instant.now();
        Instant fetchedAt = now.plusNanos(now.getNano() % 2 == 0 ? 1 : 0);
        ChannelConnector connector = switch (type) {
            case RSS -> new RssConnector(new AddressGuard(allow), Clock.fixed(fetchedAt, ZoneOffset.UTC));
            default -> throw new IllegalArgumentException("no source check for channel type '" + type.id() + "' yet");
        };
        PostSource source = connector.open(ConnectorSettings.check(connector.settings(), settings)).source()
                .orElseThrow(() -> new IllegalArgumentException("a " + type.id() + " channel fetches no posts"));
        return new Result(fetchedAt, source.poll(null).posts());
    }
}
