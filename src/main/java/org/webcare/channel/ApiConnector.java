package org.webcare.channel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.webcare.channel.ConnectorException.Rejected;
import org.webcare.shared.Visibility;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API channel on the connector contract: any integrator POSTs customer posts as JSON, signed with the channel's
 * secret (HMAC-SHA256 of the raw body). Checks run safest first: signature, then media type, then parsing, so an
 * unsigned body is never parsed. Replies go to the channel's callback URL through the outbox's signed callback.
 */
@Component
class ApiConnector implements ChannelConnector {

    static final String SIGNING_SECRET = "signingSecret";
    static final String CALLBACK_URL = "callbackUrl";

    private final ObjectMapper json;

    ApiConnector(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.API;
    }

    @Override
    public List<ConnectorSetting> settings() {
        return List.of(ConnectorSetting.required(CALLBACK_URL, ConnectorSetting.Kind.URL, "where replies are POSTed, signed the same way"),
                ConnectorSetting.required(SIGNING_SECRET, ConnectorSetting.Kind.SECRET, "the HMAC-SHA256 key of both directions"));
    }

    @Override
    public Connection open(ConnectorSettings settings) {
        String secret = settings.required(SIGNING_SECRET);
        return Connection.of(null, (headers, body) -> receive(secret, headers, body), null);
    }

    private List<ReceivedPost> receive(String secret, Map<String, List<String>> headers, byte[] body) throws Rejected {
        String signature = first(headers, Signatures.HEADER.toLowerCase(java.util.Locale.ROOT));
        if (!Signatures.matches(secret, body, signature)) {
            throw new Rejected(Rejected.Reason.SIGNATURE, null, signature == null
                    ? "Missing " + Signatures.HEADER + " header (sha256=<hex HMAC-SHA256 of the body with the channel secret>)"
                    : "Signature in " + Signatures.HEADER + " does not match the body");
        }
        String contentType = first(headers, "content-type");
        if (contentType == null || !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            throw new Rejected(Rejected.Reason.MEDIA_TYPE, null, "Content-Type must be application/json");
        }
        return List.of(parse(body));
    }

    private ReceivedPost parse(byte[] body) throws Rejected {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw invalid("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        String visibilityText = text(root, "visibility", false);
        Visibility visibility = visibilityText == null ? Visibility.PUBLIC : Visibility.parse(visibilityText)
                .orElseThrow(() -> invalid("visibility", "must be 'public' or 'private', got '" + visibilityText + "'"));
        JsonNode followers = root.get("authorFollowers");
        if (followers != null && !followers.isNull() && !followers.isIntegralNumber()) {
            throw invalid("authorFollowers", "must be a whole number");
        }
        JsonNode toBrand = root.get("toBrand");
        if (toBrand != null && !toBrand.isNull() && !toBrand.isBoolean()) {
            throw invalid("toBrand", "must be true or false");
        }
        return new ReceivedPost(text(root, "externalId", true), text(root, "authorHandle", true),
                text(root, "authorName", false), text(root, "text", true), visibility,
                instant(text(root, "createdAt", true)), text(root, "inReplyTo", false), text(root, "url", false),
                followers == null || followers.isNull() ? null : followers.asLong(),
                toBrand != null && toBrand.asBoolean(), null);
    }

    private static String text(JsonNode root, String field, boolean required) throws Rejected {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid(field, "is required");
            }
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        throw invalid(field, "must be a string");
    }

    private static Instant instant(String value) throws Rejected {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("createdAt", "must be an ISO-8601 date-time with offset, like 2026-11-23T14:05:00+01:00, got '" + value + "'");
        }
    }

    private static Rejected invalid(String field, String reason) {
        return new Rejected(Rejected.Reason.PAYLOAD, field, reason);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
