package org.webcare.channel.connectors.mastodon;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.webcare.channel.ConnectorSetting;
import org.webcare.channel.ConnectorSetting.Kind;
import org.webcare.channel.ConnectorSettings;
import org.webcare.channel.InvalidSettingsException;

/**
 * One Mastodon channel's settings, checked beyond their kinds: the instance is a base URL, the mode is known, and a
 * hashtag is given exactly when the mode needs one.
 *
 * @param instance the instance's base URL without a trailing slash, e.g. {@code https://mastodon.social}
 * @param hashtag the hashtag without {@code #}, or {@code null} in account mode
 */
record MastodonSettings(URI instance, String accessToken, Mode mode, String hashtag, Duration interval) {

    static final String INSTANCE = "instance";
    static final String ACCESS_TOKEN = "accessToken";
    static final String MODE = "mode";
    static final String HASHTAG = "hashtag";
    static final String INTERVAL = "interval";

    static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(10);

    // Mastodon's own rule for hashtags: letters, digits, underscores and a few joiners, no spaces or punctuation.
    private static final Pattern HASHTAG_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}_\\u00B7\\u200C]{1,100}");

    static final List<ConnectorSetting> SPECS = List.of(
            ConnectorSetting.required(INSTANCE, Kind.URL, "base URL of the Mastodon instance, e.g. https://mastodon.social"),
            ConnectorSetting.required(ACCESS_TOKEN, Kind.SECRET,
                    "access token of the brand account with the scopes read:notifications, read:statuses and write:statuses"),
            ConnectorSetting.optional(MODE, Kind.TEXT,
                    "account: the brand account's mentions and direct messages; hashtag: a public hashtag timeline to listen to",
                    "account"),
            ConnectorSetting.optional(HASHTAG, Kind.TEXT, "the hashtag to listen to, with or without #; only with mode hashtag", null),
            ConnectorSetting.optional(INTERVAL, Kind.DURATION, "time between polls, at least 10 seconds", "PT1M"));

    /** What the channel reads. */
    enum Mode {
        /** Notifications of type mention: public mentions and direct messages to the brand account. */
        ACCOUNT,
        /** The public timeline of one hashtag: posts about the brand, not addressed to it. */
        HASHTAG
    }

    static MastodonSettings from(ConnectorSettings settings) {
        URI instance = instance(settings.required(INSTANCE));
        String token = settings.required(ACCESS_TOKEN);
        if (token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new InvalidSettingsException(ACCESS_TOKEN, "must be a single word of printable ASCII characters");
        }
        Mode mode = switch (settings.text(MODE).orElse("account").toLowerCase(Locale.ROOT)) {
            case "account" -> Mode.ACCOUNT;
            case "hashtag" -> Mode.HASHTAG;
            default -> throw new InvalidSettingsException(MODE, "must be account or hashtag, got '" + settings.text(MODE).orElse("") + "'");
        };
        String hashtag = settings.text(HASHTAG).map(tag -> tag.startsWith("#") ? tag.substring(1) : tag).orElse(null);
        if (mode == Mode.HASHTAG) {
            if (hashtag == null || hashtag.isEmpty()) {
                throw new InvalidSettingsException(HASHTAG, "is required when mode is hashtag");
            }
            if (!HASHTAG_NAME.matcher(hashtag).matches()) {
                throw new InvalidSettingsException(HASHTAG, "must be one word of letters, digits and underscores, got '" + hashtag + "'");
            }
        } else if (hashtag != null) {
            throw new InvalidSettingsException(HASHTAG, "is only read when mode is hashtag: set mode to hashtag or leave it empty");
        }
        Duration interval = settings.duration(INTERVAL).orElse(Duration.ofMinutes(1));
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw new InvalidSettingsException(INTERVAL, "must be at least 10 seconds (Mastodon allows about one request a second)");
        }
        return new MastodonSettings(instance, token, mode, hashtag, interval);
    }

    private static URI instance(String value) {
        URI uri = URI.create(value);
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSettingsException(INSTANCE, "must not contain a user name or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingsException(INSTANCE, "must be the instance's base URL, without ?query or #fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + host
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path);
    }
}
