package org.webcare.channel.connectors.mastodon;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ChannelType;
import org.webcare.channel.ConnectorException;
import org.webcare.channel.ConnectorSetting;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.OutboundGuard;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReplyTarget;

/**
 * The {@code mastodon} connector: a brand account on a Mastodon instance. In {@code account} mode it reads the
 * account's mentions and direct messages; in {@code hashtag} mode a public hashtag timeline, as a listening source.
 * Either way it answers with public replies or direct messages through the REST API. Stateless and thread-safe; one
 * HTTP client for all channels.
 */
@Component
class MastodonConnector implements ChannelConnector {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final OutboundGuard guard;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    @Autowired
    MastodonConnector(OutboundGuard guard) {
        this(guard, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    MastodonConnector(OutboundGuard guard, Duration timeout, Clock clock) {
        this.guard = guard;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ChannelType type() {
        return ChannelType.MASTODON;
    }

    @Override
    public List<ConnectorSetting> settings() {
        return MastodonSettings.SPECS;
    }

    @Override
    public Connection open(ConnectorSettings values) {
        MastodonSettings settings = MastodonSettings.from(values);
        MastodonClient client = new MastodonClient(http, timeout, guard, clock, settings.instance(), settings.accessToken());
        MastodonSource source = new MastodonSource(client, settings);
        MastodonReplies replies = new MastodonReplies(client);
        return Connection.of(source, null, replies);
    }

}
