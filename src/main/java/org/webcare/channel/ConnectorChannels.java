package org.webcare.channel;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels served by a connector (RSS, e-mail, Mastodon, ...): adding them with checked settings, trying their
 * settings before saving, pausing them, and their health.
 */
@Service
public class ConnectorChannels {

    /** A check shows at most this many of the posts a source would deliver. */
    public static final int PREVIEW_SIZE = 10;

    private final Channels channels;
    private final Connectors connectors;
    private final ChannelSettingsStore settings;
    private final JdbcClient jdbc;

    ConnectorChannels(Channels channels, Connectors connectors, ChannelSettingsStore settings, JdbcClient jdbc) {
        this.channels = channels;
        this.connectors = connectors;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    public List<ChannelConnector> connectors() {
        return connectors.configurable();
    }

    /**
     * Adds a channel of a connector's type to a brand; secret settings are stored encrypted.
     *
     * @throws InvalidSettingsException naming the setting that is missing or wrong
     */
    @Transactional
    public Channel create(long brandId, ChannelType type, String name, Map<String, String> values) {
        ChannelConnector connector = connector(type);
        ConnectorSettings checked = ConnectorSettings.check(connector.settings(), values);
        ChannelConnector.Connection connection = connector.open(checked);
        Channel channel = channels.createChannel(brandId, type, name, null, connection.replies().map(ReplyTarget::supportsPrivate).orElse(false))
                .channel();
        settings.save(channel.id(), connector, checked);
        if (connection.source().isPresent() || connection.webhook().isPresent()) {
            jdbc.sql("insert into channel_source (channel_id, polled) values (?, ?)").params(channel.id(), connection.source().isPresent())
                    .update();
        }
        return channel;
    }

    /**
     * What the source would deliver now, stored nowhere: the "check connection" of the admin page.
     *
     * @throws ConnectorException with the reason the platform gave (or the address guard)
     */
    public List<ReceivedPost> preview(ChannelType type, Map<String, String> values) throws ConnectorException {
        ChannelConnector connector = connector(type);
        PostSource source = connector.open(ConnectorSettings.check(connector.settings(), values)).source()
                .orElseThrow(() -> new IllegalArgumentException("type: " + type.id() + " channels do not fetch posts"));
        List<ReceivedPost> posts = source.poll(null).posts();
        return posts.subList(0, Math.min(PREVIEW_SIZE, posts.size()));
    }

    /** The same check for a saved channel, with its stored settings. */
    public List<ReceivedPost> preview(long channelId) throws ConnectorException {
        Channel channel = channels.channel(channelId).orElseThrow(() -> new IllegalArgumentException("channelId: no channel with id " + channelId));
        return preview(channel.type(), settings.load(channelId));
    }

    /**
     * The reply rules of a channel served by a connector with replies, or empty (the API and demo channels, whose
     * rules are the channel's own flags). Opens the connection, which is cheap and asks the platform nothing.
     */
    public java.util.Optional<ReplyRules> replyRules(long channelId) {
        Channel channel = channels.channel(channelId).orElse(null);
        if (channel == null || channel.type() == ChannelType.API || channel.type() == ChannelType.DEMO) {
            return java.util.Optional.empty();
        }
        return connectors.of(channel.type())
                .flatMap(connector -> connector.open(ConnectorSettings.check(connector.settings(), settings.load(channelId))).replies())
                .map(target -> new ReplyRules(target.supportsPublic(), target.supportsPrivate(), target.replyWindow(), target.maxLength()));
    }

    /** The settings as a page may show them: secrets only as set or not. */
    public Map<String, String> shownSettings(long channelId) {
        Channel channel = channels.channel(channelId).orElseThrow();
        return connectors.of(channel.type()).map(connector -> settings.shown(channelId, connector)).orElse(Map.of());
    }

    @Transactional
    public void pause(long channelId, boolean paused) {
        if (jdbc.sql("update channel set paused = ? where id = ?").params(paused, channelId).update() == 0) {
            throw new IllegalArgumentException("channelId: no channel with id " + channelId);
        }
        if (!paused) {
            // A resumed channel is due at once and starts without the failures it had.
            jdbc.sql("update channel_source set next_poll_at = now(), failures = 0 where channel_id = ?").param(channelId).update();
        }
    }

    /** A webhook request was taken: {@code stored} new posts (the health view's "last success" for pushed channels). */
    public void webhookTaken(long channelId, int stored) {
        jdbc.sql("""
                        update channel_source set last_success_at = now(), failures = 0, last_error = null,
                               posts_today = case when posts_day = current_date then posts_today else 0 end + ?,
                               posts_day = current_date
                        where channel_id = ?
                        """).params(stored, channelId).update();
    }

    /** A webhook request was refused, with the reason its sender was given. */
    public void webhookRefused(long channelId, String reason) {
        jdbc.sql("update channel_source set last_error_at = now(), last_error = ?, failures = failures + 1 where channel_id = ?")
                .params(reason.length() > 1_000 ? reason.substring(0, 1_000) : reason, channelId).update();
    }

    public List<SourceHealth> health() {
        return jdbc.sql("""
                        select c.id, b.name as brand_name, c.name, c.type, c.paused, s.polled, s.last_success_at, s.last_error_at,
                               s.last_error, s.failures, s.next_poll_at, s.posts_skipped,
                               case when s.posts_day = current_date then s.posts_today else 0 end as posts_today
                        from channel_source s join channel c on c.id = s.channel_id join brand b on b.id = c.brand_id
                        order by b.name, c.name
                        """)
                .query((rs, n) -> new SourceHealth(rs.getLong("id"), rs.getString("brand_name"), rs.getString("name"),
                        ChannelType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)), rs.getBoolean("paused"),
                        instant(rs.getTimestamp("last_success_at")), instant(rs.getTimestamp("last_error_at")),
                        rs.getString("last_error"), rs.getInt("failures"), rs.getInt("posts_today"), rs.getInt("posts_skipped"),
                        rs.getBoolean("polled") ? instant(rs.getTimestamp("next_poll_at")) : null))
                .list();
    }

    private ChannelConnector connector(ChannelType type) {
        return connectors.of(type).orElseThrow(() -> new IllegalArgumentException("type: no connector for '" + type.id() + "'"));
    }

    private static java.time.Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
