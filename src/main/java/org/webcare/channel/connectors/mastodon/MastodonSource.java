package org.webcare.channel.connectors.mastodon;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.webcare.channel.ConnectorException;
import org.webcare.channel.PostSource;
import org.webcare.channel.ReceivedPost;
import org.webcare.channel.connectors.mastodon.MastodonClient.Purpose;
import org.webcare.channel.connectors.mastodon.MastodonClient.Response;
import org.webcare.channel.connectors.mastodon.MastodonSettings.Mode;

import tools.jackson.databind.JsonNode;

/**
 * Reads the brand account's mentions (notifications of type {@code mention}, direct messages included) or a hashtag's
 * public timeline. The first poll takes the newest page only; later polls ask for the page right after the cursor
 * ({@code min_id}) and follow the {@code rel="prev"} links towards the newest, at most {@link #PAGES_PER_POLL} pages
 * per poll, so nothing is skipped however much arrived. The cursor is the newest id seen, prefixed with the stream it
 * belongs to ({@code mention:…}, {@code tag:<name>:…}): a cursor of another stream starts afresh.
 */
final class MastodonSource implements PostSource {

    static final int PAGE_SIZE = 40;
    static final int PAGES_PER_POLL = 3;

    /** Mastodon ids are decimal strings of growing length; compared as numbers, other ids as text. */
    static final Comparator<String> ID_ORDER = (a, b) -> {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        if (numeric) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    };

    private final MastodonClient client;
    private final MastodonSettings settings;
    private final String stream;
    private final String endpoint;
    private final Purpose purpose;

    MastodonSource(MastodonClient client, MastodonSettings settings) {
        this.client = client;
        this.settings = settings;
        if (settings.mode() == Mode.HASHTAG) {
            this.stream = "tag:" + settings.hashtag().toLowerCase(Locale.ROOT) + ":";
            this.endpoint = "/api/v1/timelines/tag/" + URLEncoder.encode(settings.hashtag(), StandardCharsets.UTF_8)
                    .replace("+", "%20") + "?limit=" + PAGE_SIZE;
            this.purpose = new Purpose("reading the #" + settings.hashtag() + " timeline", "read:statuses",
                    "is " + client.instance() + " a Mastodon instance?");
        } else {
            this.stream = "mention:";
            this.endpoint = "/api/v1/notifications?types%5B%5D=mention&limit=" + PAGE_SIZE;
            this.purpose = new Purpose("reading the brand account's mentions", "read:notifications",
                    "is " + client.instance() + " a Mastodon instance?");
        }
    }

    @Override
    public Poll poll(String cursor) throws ConnectorException {
        String since = cursor != null && cursor.startsWith(stream) && cursor.length() > stream.length()
                ? cursor.substring(stream.length()) : null;
        if (since == null) {
            Page newest = read(client.resolve(endpoint), null);
            return new Poll(newest.posts(), newest.newestId() == null ? null : stream + newest.newestId(), false);
        }
        List<ReceivedPost> posts = new ArrayList<>();
        String newestId = since;
        URI next = after(since);
        for (int pages = 0; pages < PAGES_PER_POLL; pages++) {
            Page page = read(next, newestId);
            if (page.newestId() == null) {
                return new Poll(posts, stream + newestId, false);
            }
            posts.addAll(page.posts());
            newestId = page.newestId();
            URI prev = page.prev();
            next = client.isOnInstance(prev) && prev.getRawQuery() != null && prev.getRawQuery().contains("min_id=")
                    ? prev : after(newestId);
        }
        return new Poll(posts, stream + newestId, true);
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    private URI after(String id) {
        return client.resolve(endpoint + "&min_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /**
     * One page, oldest first, without what is not newer than {@code seen}.
     *
     * @param newestId the newest id on the page, or {@code null} when nothing on it is new
     */
    private record Page(List<ReceivedPost> posts, String newestId, URI prev) {
    }

    private Page read(URI uri, String seen) throws ConnectorException {
        Response response = client.get(uri, purpose);
        if (!response.json().isArray()) {
            throw new ConnectorException.Permanent(client.instance() + " did not answer with a list while " + purpose.what()
                    + ": is it a Mastodon instance?");
        }
        List<JsonNode> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode item : response.json()) {
            String id = Statuses.text(item.path("id"));
            if (id != null && (seen == null || ID_ORDER.compare(id, seen) > 0) && ids.add(id)) {
                items.add(item);
            }
        }
        items.sort(Comparator.comparing(item -> item.path("id").stringValue(), ID_ORDER));
        List<ReceivedPost> posts = new ArrayList<>();
        for (JsonNode item : items) {
            ReceivedPost post = post(item);
            if (post != null) {
                posts.add(post);
            }
        }
        String newestId = items.isEmpty() ? null : items.getLast().path("id").stringValue();
        return new Page(posts, newestId, response.links().get("prev"));
    }

    private ReceivedPost post(JsonNode item) {
        if (settings.mode() == Mode.HASHTAG) {
            return item.path("reblog").isObject() ? null : Statuses.toPost(item, false);
        }
        // Notifications of deleted statuses carry none; older instances may ignore the type filter.
        if (!"mention".equals(Statuses.text(item.path("type"))) || !item.path("status").isObject()) {
            return null;
        }
        return Statuses.toPost(item.path("status"), true);
    }
}
