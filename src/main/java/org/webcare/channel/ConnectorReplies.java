package org.webcare.channel;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import org.webcare.shared.Visibility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers outbox messages of channels whose connector has a {@link ReplyTarget}: reads the outbox payload, opens the
 * channel's connection with its stored settings and sends, turning the connector's failures into delivery outcomes.
 */
@Component
class ConnectorReplies {

    private final Connectors connectors;
    private final ChannelSettingsStore settings;
    private final ObjectMapper json;

    ConnectorReplies(Connectors connectors, ChannelSettingsStore settings, ObjectMapper json) {
        this.connectors = connectors;
        this.settings = settings;
        this.json = json;
    }

    boolean handles(ChannelType type) {
        return connectors.of(type).isPresent();
    }

    DeliveryOutcome deliver(Channel channel, String idempotencyKey, byte[] body) {
        try {
            ChannelConnector connector = connectors.of(channel.type()).orElseThrow();
            ReplyTarget target = connector.open(ConnectorSettings.check(connector.settings(), settings.load(channel.id())))
                    .replies().orElse(null);
            if (target == null) {
                return new DeliveryOutcome.Permanent(channel.type().id() + " channels cannot send replies");
            }
            JsonNode payload = json.readTree(new String(body, StandardCharsets.UTF_8));
            Visibility visibility = Visibility.parse(text(payload, "visibility")).orElse(Visibility.PUBLIC);
            String text = text(payload, "text");
            // Platforms count characters (code points), not UTF-16 units: an emoji is one.
            if (text != null && text.codePointCount(0, text.length()) > target.maxLength()) {
                return new DeliveryOutcome.Permanent("The reply has " + text.codePointCount(0, text.length()) + " characters; " + channel.type().id()
                        + " allows " + target.maxLength());
            }
            target.send(new OutgoingReply(idempotencyKey, text(payload, "inReplyTo"), text(payload, "to"), visibility, text,
                    text(payload, "author"), text(payload, "subject")));
            return new DeliveryOutcome.Delivered();
        } catch (ConnectorException.Transient e) {
            return new DeliveryOutcome.Transient(e.getMessage(), e.retryAfter());
        } catch (ConnectorException | InvalidSettingsException e) {
            return new DeliveryOutcome.Permanent(e.getMessage());
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
