package org.webcare.channel;

import java.util.List;

/**
 * A platform Webcare connects to, as one small contract: its type, its settings, and what a configured connection can
 * do (fetch posts, take webhooks, send replies). A connector never touches the database or another module: the
 * runtime owns scheduling, cursors, de-duplication, retries, rate limits and handing posts to intake. Implementations
 * are stateless singletons and thread-safe.
 */
public interface ChannelConnector {

    ChannelType type();

    /** The settings a channel of this type needs, in the order a form shows them. */
    List<ConnectorSetting> settings();

    /**
     * Opens a connection for one channel. Cheap: no network traffic here.
     *
     * @throws InvalidSettingsException naming the setting when a value is missing or wrong
     */
    Connection open(ConnectorSettings settings);

    /** What one configured channel can do; each capability is optional. */
    interface Connection {

        default java.util.Optional<PostSource> source() {
            return java.util.Optional.empty();
        }

        default java.util.Optional<WebhookSource> webhook() {
            return java.util.Optional.empty();
        }

        default java.util.Optional<ReplyTarget> replies() {
            return java.util.Optional.empty();
        }

        /** A connection with the given capabilities; {@code null} for each one the channel does not have. */
        static Connection of(PostSource source, WebhookSource webhook, ReplyTarget replies) {
            return new Connection() {
                @Override
                public java.util.Optional<PostSource> source() {
                    return java.util.Optional.ofNullable(source);
                }

                @Override
                public java.util.Optional<WebhookSource> webhook() {
                    return java.util.Optional.ofNullable(webhook);
                }

                @Override
                public java.util.Optional<ReplyTarget> replies() {
                    return java.util.Optional.ofNullable(replies);
                }
            };
        }
    }
}
