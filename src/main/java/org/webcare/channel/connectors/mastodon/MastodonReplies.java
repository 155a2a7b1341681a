package org.webcare.channel.connectors.mastodon;

import java.util.Locale;
import java.util.regex.Pattern;

import org.webcare.channel.ConnectorException;
import org.webcare.channel.OutgoingReply;
import org.webcare.channel.ReplyTarget;
import org.webcare.channel.connectors.mastodon.MastodonClient.Purpose;
import org.webcare.shared.Visibility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts agents' replies as statuses of the brand account: public ones with visibility {@code public}, private ones as
 * direct messages (visibility {@code direct}). A reply always mentions the customer, so Mastodon notifies them and, for
 * a direct message, delivers it at all. The instance's character limit is read once per connection.
 */
final class MastodonReplies implements ReplyTarget {

    static final int DEFAULT_MAX_CHARACTERS = 500;

    private static final Pattern HANDLE = Pattern.compile("@?[\\w.-]+(@[\\w.-]+\\.[\\w-]+)?", Pattern.UNICODE_CHARACTER_CLASS);

    private final MastodonClient client;
    private final Purpose sending;
    private final Purpose readingLimits;
    private volatile Integer maxCharacters;

    MastodonReplies(MastodonClient client) {
        this.client = client;
        this.sending = new Purpose("sending a reply", "write:statuses",
                "the post answered no longer exists or the brand account cannot see it");
        this.readingLimits = new Purpose("reading the instance's limits", "read",
                "is " + client.instance() + " a Mastodon instance?");
    }

    @Override
    public boolean supportsPrivate() {
        return true;
    }

    /** The instance's {@code configuration.statuses.max_characters}, or 500 when the instance does not say or cannot be asked now. */
    @Override
    public int maxLength() {
        Integer known = maxCharacters;
        if (known != null) {
            return known;
        }
        try {
            int limit = readMaxCharacters();
            maxCharacters = limit;
            return limit;
        } catch (ConnectorException e) {
            return DEFAULT_MAX_CHARACTERS;
        }
    }

    @Override
    public void send(OutgoingReply reply) throws ConnectorException {
        String handle = handle(reply.to());
        if (handle == null && reply.visibility() == Visibility.PRIVATE) {
            throw new ConnectorException.Permanent("A direct message on Mastodon needs the customer's handle (@name or "
                    + "@name@instance), got '" + reply.to() + "'");
        }
        String text = reply.text() == null ? "" : reply.text().strip();
        if (handle != null && !mentions(text, handle)) {
            text = handle + " " + text;
        }
        int length = text.codePointCount(0, text.length());
        int limit = maxLength();
        if (length > limit) {
            throw new ConnectorException.Permanent("The reply has " + length + " characters" + (handle == null ? "" : " with the mention of " + handle)
                    + "; " + client.instance().getHost() + " allows at most " + limit + " per post");
        }
        ObjectNode status = MastodonClient.JSON.createObjectNode();
        status.put("status", text);
        status.put("visibility", reply.visibility() == Visibility.PRIVATE ? "direct" : "public");
        if (reply.inReplyTo() != null && !reply.inReplyTo().isBlank()) {
            status.put("in_reply_to_id", reply.inReplyTo());
        }
        client.post(client.resolve("/api/v1/statuses"), status, reply.idempotencyKey(), sending);
    }

    private int readMaxCharacters() throws ConnectorException {
        JsonNode instance;
        try {
            instance = client.get(client.resolve("/api/v2/instance"), readingLimits).json();
        } catch (ConnectorException.Permanent e) {
            // Instances before Mastodon 4.0 have only the first version of this endpoint.
            instance = client.get(client.resolve("/api/v1/instance"), readingLimits).json();
        }
        JsonNode max = instance.path("configuration").path("statuses").path("max_characters");
        if (!max.isNumber()) {
            // Forks such as Pleroma and glitch-soc report it here.
            max = instance.path("max_toot_chars");
        }
        return max.isNumber() && max.asInt() > 0 ? max.asInt() : DEFAULT_MAX_CHARACTERS;
    }

    /** {@code @name} or {@code @name@instance}, or {@code null} when {@code to} is no Mastodon handle. */
    static String handle(String to) {
        if (to == null || to.isBlank() || !HANDLE.matcher(to.strip()).matches()) {
            return null;
        }
        String handle = to.strip();
        return handle.startsWith("@") ? handle : "@" + handle;
    }

    /** Whether {@code text} mentions {@code handle} as a whole word (not as the start of a longer handle). */
    static boolean mentions(String text, String handle) {
        String lower = text.toLowerCase(Locale.ROOT);
        String wanted = handle.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
            boolean startsWord = at == 0 || !isHandleCharacter(lower.charAt(at - 1));
            int end = at + wanted.length();
            // A full stop after the handle ends the sentence, not the handle, unless a domain goes on.
            boolean endsWord = end == lower.length() || !isHandleCharacter(lower.charAt(end))
                    || lower.charAt(end) == '.' && (end + 1 == lower.length() || !isHandleCharacter(lower.charAt(end + 1)));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHandleCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.' || c == '-';
    }
}
